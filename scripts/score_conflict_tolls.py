#!/usr/bin/env python3
"""Score newsgrist's main-event tolls against hand-made conflict gold
(testdata/conflict-gold/set*-tolls.jsonl; see its README.md): documents with
every kind right (the set's `alt` readings accepted) and per kind.

usage: scripts/score_conflict_tolls.py target/release/newsgrist [GOLD.jsonl]
V=1 prints every miss with the gold's basis."""
import json, sys, os, collections
from conflict_gold_common import run_records
bin_ = sys.argv[1]; gold_path = sys.argv[2] if len(sys.argv) > 2 else 'testdata/conflict-gold/set4-tolls.jsonl'
tolls = collections.defaultdict(dict)
for t in run_records(bin_, gold_path, 'tolls.jsonl'):
    if t['event'] == 'main':
        for k in ('killed', 'injured', 'missing', 'arrested', 'kidnapped'):
            v = t.get(k)
            tolls[t['doc_id']][k] = v['count']['value'] if v else 0
V = os.environ.get('V')
right_docs = 0; per = collections.Counter(); tot = collections.Counter()
for l in open(gold_path):
    g = json.loads(l); d = g['id']; ok = True
    for k, v in g['gold'].items():
        p = tolls[d].get(k, 0)
        good = p == v or p in g.get('alt', {}).get(k, [])
        if v or p:
            tot[k] += 1; per[k] += good
        if not good:
            ok = False
            if V: print(f'{d} {k}: predicted {p}, gold {v} alt {g.get("alt",{}).get(k)} | {g.get("basis",{}).get(k)}')
    right_docs += ok
n = sum(1 for _ in open(gold_path))
print(f'documents fully right: {right_docs}/{n}')
for k in ('killed', 'injured', 'missing', 'arrested', 'kidnapped'):
    print(f'  {k:10s} {per[k]}/{tot[k]} (documents where gold or prediction is nonzero)')
