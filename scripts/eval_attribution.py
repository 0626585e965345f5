#!/usr/bin/env python3
"""Score an exported attribution model directory (model.onnx, tokenizer.json, config.json; or a head's
config.json naming its encoder's directory and output) on a
PolNeAR-shaped JSONL file with onnxruntime, one window per call, exactly as the Rust runner
windows raw text. Reference for `newsgrist eval attribution` (issue #5).

    .venv-train/bin/python scripts/eval_attribution.py models/attribution ../shared/data/polnear/dev.jsonl \
        [--predictions .cache/attribution_dev_predictions.jsonl] [--argmax] [--limit N]

Prints exact and overlap precision/recall/F1 per role (JSON); --predictions writes, per row, the
predicted char spans per role (for diffing against the Rust port).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_common as ac  # noqa: E402
import ner_common as nc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("file", type=Path)
    ap.add_argument("--predictions", type=Path)
    ap.add_argument("--argmax", action="store_true", help="greedy word labels instead of IOB2 Viterbi")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    import numpy as np
    import onnxruntime as ort

    cfg = json.loads((args.model_dir / "config.json").read_text())
    labels = [cfg["id2label"][str(i)] for i in range(len(cfg["id2label"]))]
    assert labels == ac.LABELS, labels
    ng = cfg.get("newsgrist", {})
    # a head on another model's encoder (newsgrist.shared_encoder): that model's graph and tokenizer
    shared = ng.get("shared_encoder")
    graph_dir = (args.model_dir / shared["model_dir"]).resolve() if shared else args.model_dir
    output = shared["onnx_output"] if shared else ng.get("onnx_output", "logits")
    tok = nc.load_tokenizer(graph_dir / "tokenizer.json")
    rows = ac.load_rows(args.file)[: args.limit or None]
    docs, windows = [], []
    for row in rows:
        d = ac.make_doc(tok, row)
        windows += ac.doc_windows(d, len(docs), budget=ng.get("target_budget", nc.TARGET_BUDGET),
                                  max_context=ng.get("max_context"))
        docs.append(d)
    so = ort.SessionOptions()
    so.intra_op_num_threads = args.threads
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(graph_dir / "model.onnx"), so, providers=["CPUExecutionProvider"])
    t0 = time.time()
    logits = []
    for w in windows:
        n = len(w.input_ids)
        feeds = {"input_ids": np.array([w.input_ids], dtype=np.int64),
                 "attention_mask": np.ones((1, n), dtype=np.int64),
                 "token_type_ids": np.zeros((1, n), dtype=np.int64),
                 "shape_ids": np.array([w.shape_ids], dtype=np.int64)}
        logits.append(sess.run([output], feeds)[0][0])
    dt = time.time() - t0
    lps = ac.word_logprobs(windows, logits, docs)
    preds = [ac.predicted_spans(d, ac.decode_doc(lp, not args.argmax)) for d, lp in zip(docs, lps)]
    res = ac.score_docs(docs, preds)
    res["documents"] = len(docs)
    res["windows"] = len(windows)
    res["seconds"] = round(dt, 1)
    res["model_id"] = cfg.get("newsgrist", {}).get("model_id")
    res["decoding"] = "argmax" if args.argmax else "iob2_viterbi"
    if args.predictions:
        args.predictions.parent.mkdir(parents=True, exist_ok=True)
        with open(args.predictions, "w") as f:
            for d, p in zip(docs, preds):
                f.write(json.dumps({"article": d.article, "annotator": d.annotator,
                                    **{r: [[s, e, d.text[s:e]] for s, e in p[r]] for r in ac.ROLES}},
                                   ensure_ascii=False) + "\n")
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
