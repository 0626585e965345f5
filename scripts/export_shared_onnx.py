#!/usr/bin/env python3
"""Export the shared encoder (scripts/train_shared_encoder.py) as one ONNX graph with two
outputs, `logits` (NER, 9 labels) and `attribution_logits` (7 labels), quantize it as the other
models are (int8 per-channel matrices, 4-bit word embeddings), check it and score it.

    .venv-train/bin/python scripts/export_shared_onnx.py --run main --epoch 3

Writes models/ner/{model.onnx, tokenizer.json, config.json, golden.json} and
models/attribution/{config.json, golden.json}: the attribution model has no graph of its own;
its config.json names the NER model's directory and the output to read
(`newsgrist.shared_encoder`), so newsgrist runs one encoder pass per window for both stages.
Scores (Python, one window per call as the Rust runner runs them) and the parity checks go to
.cache/shared_export/results.json; the fp32 graph stays there. Score the shipped files with
`newsgrist eval ner` and `newsgrist eval attribution` before committing them.
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_common as ac  # noqa: E402
import export_ner_onnx as en  # noqa: E402
import ner_common as nc  # noqa: E402

OUTPUTS = ["logits", "attribution_logits"]


def model_ids(version: str, max_context) -> tuple[str, str]:
    """The two heads' ids: records name the model that made them, and other windows give other
    output (`-ctx0`: no context around a window's targets)."""
    tail = f"conll03+polnear-shared-{version}{'-ctx0' if max_context == 0 else ''}-emb4"
    return f"newsgrist-ner-minilm-l6-{tail}", f"newsgrist-attribution-minilm-l6-{tail}"

BLOCK = 32  # values per 4-bit embedding block, as the separate models shipped


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def export_fp32(model, sample, path: Path) -> None:
    import onnx
    import torch

    dummy = tuple(nc.collate(sample)[:4])
    axes = {n: {0: "batch", 1: "sequence"} for n in en.INPUTS + OUTPUTS}
    with torch.no_grad():
        torch.onnx.export(model, dummy, str(path), input_names=en.INPUTS, output_names=OUTPUTS,
                          dynamic_axes=axes, opset_version=17, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)))
    log(f"exported {path} ({path.stat().st_size / 1e6:.1f} MB)")


def feeds(windows):
    ids, am, tt, sh, _ = nc.collate(windows)
    return {"input_ids": ids.numpy(), "attention_mask": am.numpy(),
            "token_type_ids": tt.numpy(), "shape_ids": sh.numpy()}


def ort_outputs(sess, windows, output: str):
    """Logits of every window, one window per call (as the Rust runner runs int8 models)."""
    return [sess.run([output], feeds([w]))[0][0] for w in windows]


def scores(sess, conll, polnear) -> dict:
    (vw, vs), (dw, dd) = conll, polnear
    t0 = time.time()
    _, vit = nc.decode_predictions(vw, ort_outputs(sess, vw, "logits"), vs)
    ner = nc.score([s.tags for s in vs], vit)
    attribution = ac.evaluate_logits(dw, ort_outputs(sess, dw, "attribution_logits"), dd, True)
    return {"conll_valid": ner, "polnear_dev": attribution, "seconds": round(time.time() - t0, 1)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", default="main")
    ap.add_argument("--epoch", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--version", default="v2", help="the models' version in their ids")
    ap.add_argument("--out", type=Path, default=nc.REPO / "models",
                    help="write <OUT>/ner and <OUT>/attribution [default: models]")
    ap.add_argument("--max-context", type=int, default=None,
                    help="context tokens per side of both models' windows (-1: fill the window) "
                         "[default: models/ner/config.json's]")
    args = ap.parse_args()
    if not (ac.POLNEAR_DIR / "dev.jsonl").exists() or not (nc.CONLL_DIR / "valid.txt").exists():
        print(f"skipped: {ac.POLNEAR_DIR} or {nc.CONLL_DIR} is absent (see ../shared/data/README.md)")
        return

    import numpy as np
    import torch

    import quantize_embeddings as qe
    from train_shared_encoder import build

    torch.set_num_threads(args.threads)
    logging.disable(logging.INFO)  # the quantizers log every node
    ner_dir, attribution_dir = args.out / "ner", args.out / "attribution"
    ner_dir.mkdir(parents=True, exist_ok=True)
    attribution_dir.mkdir(parents=True, exist_ok=True)
    shipped_ner = nc.REPO / "models" / "ner"
    exp_dir = nc.CACHE / "shared_export"
    exp_dir.mkdir(parents=True, exist_ok=True)
    base = nc.base_dir()
    ck = torch.load(nc.CACHE / "shared_runs" / args.run / f"epoch{args.epoch}.pt", map_location="cpu",
                    weights_only=False)
    model, config = build(base, from_shipped=False)
    model.load_state_dict(ck["model"])
    model.eval()
    log(f"checkpoint epoch {ck['epoch']}: CoNLL valid F1 {ck['conll_valid']['overall']['f1']}, "
        f"{ac.summary(ck['polnear_dev'])}")

    ner_cfg = json.loads((shipped_ner / "config.json").read_text())["newsgrist"]
    budget, max_context = ner_cfg["target_budget"], ner_cfg.get("max_context")
    if args.max_context is not None:
        max_context = None if args.max_context < 0 else args.max_context
    ner_id, attribution_id = model_ids(args.version, max_context)
    tok = nc.load_tokenizer(base / "tokenizer.json")
    conll = nc.prepare(nc.CONLL_DIR / "valid.txt", tok, target_budget=budget, context=True)
    docs, windows = [], []
    for row in ac.load_rows(ac.POLNEAR_DIR / "dev.jsonl"):
        d = ac.make_doc(tok, row)
        windows += ac.doc_windows(d, len(docs), budget=budget, max_context=max_context)
        docs.append(d)
    polnear = (windows, docs)
    results = {"checkpoint": f"{args.run}/epoch{args.epoch}", "train_args": {k: str(v) for k, v in ck["args"].items()},
               "torch_bf16_training_eval": {"conll_valid_f1": ck["conll_valid"]["overall"]["f1"],
                                            "polnear_dev": ck["polnear_dev"]}}

    fp32 = exp_dir / "model.fp32.onnx"
    export_fp32(model, conll[0][:3], fp32)
    sess32 = en.ort_session(fp32, args.threads)
    results.update(en.graph_io(sess32))
    diffs = []
    for sel in (conll[0][:8], polnear[0][:8]):
        f = feeds(sel)
        with torch.no_grad():
            ref = [t.numpy() for t in model(*(torch.from_numpy(f[n]) for n in en.INPUTS))]
        got = sess32.run(OUTPUTS, f)
        m = f["attention_mask"].astype(bool)
        diffs += [float(np.abs(r - g)[m].max()) for r, g in zip(ref, got)]
    results["parity_max_abs_diff_fp32"] = max(diffs)
    log(f"torch vs onnx fp32 max abs diff (non-pad positions, both outputs): {max(diffs):.2e}")
    results["onnx_fp32"] = scores(sess32, conll, polnear)
    log(f"onnx fp32: CoNLL valid F1 {results['onnx_fp32']['conll_valid']['overall']['f1']}, "
        f"{ac.summary(results['onnx_fp32']['polnear_dev'])}")

    shipped = exp_dir / "model.onnx"
    qe.quantize(fp32, shipped, BLOCK)
    weights = f"int8_per_channel+int4_word_embeddings_block{BLOCK}"
    # as newsgrist opens it: with SkipLayerNormFusion the golden logits moved by 0.18
    sess = nc.ort_session(shipped, args.threads, as_newsgrist=True)
    results["shipped"] = {"weights": weights, "size_bytes": shipped.stat().st_size,
                          **scores(sess, conll, polnear)}
    log(f"{weights}: CoNLL valid F1 {results['shipped']['conll_valid']['overall']['f1']}, "
        f"{ac.summary(results['shipped']['polnear_dev'])}")

    shutil.copyfile(shipped, ner_dir / "model.onnx")
    shutil.copyfile(base / "tokenizer.json", ner_dir / "tokenizer.json")
    ner_config = en.model_config(config, nc.LABELS, weights, {
        "model_id": ner_id,
        "tokenizer_settings": ner_cfg["tokenizer_settings"],
        "decoding": ner_cfg["decoding"],
        "max_context": max_context,
        "shared_outputs": {"attribution_logits": "models/attribution (PolNeAR source, cue, content)"},
    })
    (ner_dir / "config.json").write_text(json.dumps(ner_config, indent=2) + "\n")
    en.write_golden(ner_dir, tok, sess, weights)

    old = json.loads((nc.REPO / "models" / "attribution" / "config.json").read_text())["newsgrist"]
    attribution_config = en.model_config(config, ac.LABELS, weights, {
        "model_id": attribution_id,
        "task": "attribution",
        "shared_encoder": {"model_dir": "../ner", "model_id": ner_id, "onnx_output": "attribution_logits"},
        "onnx_output": "attribution_logits",
        "max_context": max_context,
        **{k: old[k] for k in ("label_priority", "word_rule", "tokenizer_settings", "decoding")},
    })
    (attribution_dir / "config.json").write_text(json.dumps(attribution_config, indent=2) + "\n")
    for stale in ("model.onnx", "tokenizer.json"):
        (attribution_dir / stale).unlink(missing_ok=True)
    write_attribution_golden(attribution_dir, tok, sess, weights)
    nc.write_json(exp_dir / "results.json", results)
    log(f"wrote {ner_dir}/model.onnx ({shipped.stat().st_size / 1e6:.1f} MB), config.json, golden.json; "
        f"{attribution_dir}/config.json, golden.json; results in {exp_dir / 'results.json'}")


def write_attribution_golden(out_dir: Path, tok, sess, weights: str) -> None:
    """golden.json of the attribution head: write_golden's cases, logits from its output."""

    class Head:
        def run(self, names, feeds_):
            return sess.run(["attribution_logits"], feeds_)

    en.write_golden(out_dir, tok, Head(), weights, texts=en.ATTRIBUTION_GOLDEN_TEXTS, labels=ac.LABELS,
                    model_dir="models/ner (output attribution_logits)")


if __name__ == "__main__":
    main()
