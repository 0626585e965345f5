#!/usr/bin/env python3
"""Score newsgrist's claims against hand-made conflict gold
(testdata/conflict-gold/set*-claims.jsonl; see its README.md): each gold claim
is found by its cue, then type, claimant, quote form, medium and content
start are checked; claims matching no gold cue are spurious, except the
later pieces of a quotation that goes on after its speaker (`continues`),
which the gold codes as part of the claim they continue.

usage: scripts/score_conflict_claims.py target/release/newsgrist [GOLD.jsonl]
V=1 prints every miss."""
import json, sys, os, collections, re
from conflict_gold_common import run_records
bin_ = sys.argv[1]; gold_path = sys.argv[2] if len(sys.argv) > 2 else 'testdata/conflict-gold/set4-claims.jsonl'
pred = collections.defaultdict(list)
for c in run_records(bin_, gold_path, 'claims.jsonl'):
    pred[c['doc_id']].append(c)
V = os.environ.get('V')
def nth(text, s, n):
    i = -1
    for _ in range(n):
        i = text.find(s, i + 1)
        if i < 0: return None
    return i
def norm(s): return re.sub(r'\W+', ' ', (s or '').lower()).strip()
def same(a, b):
    a, b = norm(a), norm(b)
    if not a or not b: return not a and not b
    return a == b or a in b or b in a
DOCUMENT = re.compile(r'^(a|an|its|the|their)( \w+)? (statement|report|communiqu\u00e9|communique|advisory|message)$', re.I)
C = collections.Counter(); spurious = 0; nonclaim_hits = 0; pieces = 0
for l in open(gold_path):
    g = json.loads(l); d = g['id']; text = g['text']; used = set()
    for gc in g['claims']:
        C['gold'] += 1
        at = nth(text, gc['cue'], gc['cue_occurrence'])
        gspan = (at, at + len(gc['cue']))
        best = None
        for i, p in enumerate(pred[d]):
            if i in used or not p.get('cue'): continue
            cs, ce = p['cue']['start'], p['cue']['end']
            if cs < gspan[1] and gspan[0] < ce: best = i; break
        if best is None:
            C['missed'] += 1
            if V: print(f'{d} MISSED {gc["claimant"]!r} {gc["cue"]!r} -> {gc["content_start"]!r}')
            continue
        used.add(best); p = pred[d][best]; C['found'] += 1
        src = (p.get('source') or {}).get('text'); clm = ((p.get('claimant') or {}).get('span') or {}).get('text')
        med = ((p.get('medium') or {}).get('span') or {}).get('text')
        checks = {
            'type': p['claim_type'] == gc['type'],
            'claimant': any(same(x, gc['claimant']) or (gc.get('antecedent') and same(x, gc['antecedent'])) for x in (src, clm) if x),
            'quote': p['direct_quote'] == gc['direct_quote'],
            # newsgrist's documented conventions: an outlet claimant is its own
            # medium; a document by itself ("in a statement", "its communiqué")
            # is no medium (sets 3 and 4 code it so, set 5 does not)
            'medium': same(med, gc['medium']) or (gc['medium'] is None and med is not None and med == src)
                      or (med is None and bool(DOCUMENT.match(gc['medium'] or ''))),
            'content': norm(gc['content_start'])[:25] in norm(p['content']['text'])[:80] or norm(p['content']['text'])[:25] in norm(gc['content_start']),
        }
        for k, v in checks.items(): C[k] += v
        if all(checks.values()): C['all'] += 1
        elif V:
            bad = [k for k, v in checks.items() if not v]
            print(f'{d} WRONG {bad}: gold ({gc["type"]}, {gc["claimant"]!r}, q={gc["direct_quote"]}, m={gc["medium"]!r}, {gc["content_start"]!r}) pred ({p["claim_type"]}, {src!r}/{clm!r}, q={p["direct_quote"]}, m={med!r}, {p["content"]["text"][:50]!r}) cue {gc["cue"]!r}')
    ids = {p['claim_id'] for p in pred[d]}
    for i, p in enumerate(pred[d]):
        if i in used: continue
        # a quotation that goes on after its speaker ("..., Shahzad said.
        # \"They gave ...\"") is written as a second piece of the claim it
        # continues (`continues`); the writers code the two as one claim
        if p.get('continues') in ids:
            pieces += 1
            continue
        spurious += 1
        cue = p.get('cue') or {}
        inside_non = any(text.find(nc) >= 0 and text.find(nc) <= cue.get('start', -1) < text.find(nc) + len(nc) for nc in g.get('non_claims', []))
        nonclaim_hits += inside_non
        if V: print(f'{d} SPURIOUS{" (non-claim)" if inside_non else ""} {p["claim_type"]} {(p.get("source") or {}).get("text")!r} {cue.get("text")!r} -> {p["content"]["text"][:60]!r}')
print(f'gold claims {C["gold"]}: found {C["found"]}, missed {C["missed"]}, fully right {C["all"]}')
print(f'  type {C["type"]}, claimant {C["claimant"]}, quote form {C["quote"]}, medium {C["medium"]}, content start {C["content"]}')
print(f'  spurious {spurious} (inside a marked non-claim: {nonclaim_hits}); pieces of a continued quotation {pieces}')
