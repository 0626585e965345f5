#!/usr/bin/env python3
"""How far PolNeAR's own annotators agree on source, cue and content spans, scored
the way `newsgrist eval attribution` scores the model (issue #5's targets are
overlap F1 on PolNeAR dev).

Some PolNeAR articles were annotated by five or six annotators (train: 16 articles,
dev: 2). For every ordered pair of annotators of one article, the first one's spans
are scored as predictions against the second one's as gold (so precision and recall
are the same number); pairs are micro-averaged like the evaluation's documents.
Given the release binary, the model is scored on the same dev rows (each annotator's
version of the two articles as its own document), which is the like-for-like
comparison with the annotators.

usage: scripts/polnear_agreement.py [target/release/newsgrist]
Reads ../shared/data/polnear/{train,dev}.jsonl (NEWSGRIST_SHARED overrides the folder
above data/); skips with a message where they are absent. Needs only the standard
library."""
import collections
import json
import os
import subprocess
import sys
import tempfile
from types import SimpleNamespace

import attribution_common as ac


def multi_annotated(rows):
    by_article = collections.defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    return {a: rs for a, rs in by_article.items() if len(rs) > 1}


def annotator_pairs(groups):
    docs, preds = [], []
    for rows in groups.values():
        for gold_row in rows:
            gold_doc = SimpleNamespace(text=gold_row["text"], gold=ac.gold_spans(gold_row))
            for pred_row in rows:
                if pred_row is gold_row:
                    continue
                if pred_row["text"] != gold_row["text"]:
                    sys.exit(f"annotators of {gold_row['article']} saw different texts; cannot compare spans")
                docs.append(gold_doc)
                preds.append(ac.gold_spans(pred_row))
    return docs, preds


def row(label, scores):
    cells = []
    for role in ac.ROLES:
        s = scores[role]
        cells.append(f"{s['overlap']['f1']:6.1f} {s['exact']['f1']:6.1f}")
    print(f"{label:44s} " + "   ".join(cells))


def model_scores(binary, groups):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rows in groups.values():
            for r in rows:
                f.write(json.dumps(r) + "\n")
    try:
        return model_scores_file(binary, f.name)
    finally:
        os.unlink(f.name)


def model_scores_file(binary, path):
    out = subprocess.run([binary, "eval", "attribution", str(path), "--json", "-q"],
                         check=True, capture_output=True, text=True).stdout
    per = json.loads(out)["per_type"]
    return {role: {m: {"f1": 100 * per[role][m]["f1"]} for m in ("overlap", "exact")} for role in ac.ROLES}


def main():
    split_rows = {}
    for split in ("train", "dev"):
        path = ac.POLNEAR_DIR / f"{split}.jsonl"
        if not path.exists():
            print(f"skipped: {path} not found (PolNeAR lives in ../shared/data/polnear)")
            return
        split_rows[split] = ac.load_rows(path)
    print(f"{'':44s} " + "   ".join(f"{r:>13s}" for r in ac.ROLES))
    print(f"{'overlap F1 / exact F1':44s} " + "   ".join(f"{'overlap  exact':>13s}" for _ in ac.ROLES))
    groups = {}
    for split, rows in split_rows.items():
        groups[split] = multi_annotated(rows)
        docs, preds = annotator_pairs(groups[split])
        n_ann = sum(len(v) for v in groups[split].values())
        row(f"annotators, {split} ({len(groups[split])} articles, {n_ann} versions)",
            ac.score_docs(docs, preds))
    if len(sys.argv) > 1:
        row("model, the same dev versions", model_scores(sys.argv[1], groups["dev"]))
        row("model, all of dev", model_scores_file(sys.argv[1], ac.POLNEAR_DIR / "dev.jsonl"))


if __name__ == "__main__":
    main()
