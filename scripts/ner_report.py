#!/usr/bin/env python3
"""Print markdown tables of the NER scores (from .cache/ner_runs/*/history.json and
.cache/ner_export/results.json) for models/ner/README.md."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402


def row(name, res):
    cells = [f"{res[t]['f1']:.2f}" for t in nc.ENTITY_TYPES]
    o = res["overall"]
    return f"| {name} | **{o['f1']:.2f}** | {o['precision']:.2f} | {o['recall']:.2f} | " + " | ".join(cells) + " |"


HEAD = ("| model / decoding | F1 | P | R | PER | ORG | LOC | MISC |\n"
        "|---|---|---|---|---|---|---|---|")


def main():
    exp = nc.CACHE / "ner_export" / "results.json"
    if exp.exists():
        r = json.loads(exp.read_text())
        print(HEAD)
        print(row("torch fp32, argmax", r["torch_fp32"]["argmax"]))
        print(row("torch fp32, IOB2 Viterbi", r["torch_fp32"]["viterbi"]))
        print(row("ONNX fp32, argmax", r["onnx_fp32"]["argmax"]))
        print(row("ONNX fp32, IOB2 Viterbi", r["onnx_fp32"]["viterbi"]))
        for k, v in r["int8_variants"].items():
            print(row(f"ONNX {k}, argmax", v["argmax"]))
            print(row(f"ONNX {k}, IOB2 Viterbi", v["viterbi"]))
        print()
        print(f"shipped: {r['shipped']}, {r['model_onnx_bytes']} bytes; "
              f"parity torch vs ONNX fp32 max abs diff {r['parity_max_abs_diff_fp32']:.2e}")
        print(f"ONNX fp32 timing {r['onnx_fp32']['timing']}, size {r['onnx_fp32']['size_bytes']}")
        for k, v in r["int8_variants"].items():
            print(f"{k}: timing {v['timing']}, size {v['size_bytes']}, max abs diff vs fp32 "
                  f"{v['max_abs_diff_vs_fp32_onnx']:.3f}, drop {v['drop_vs_fp32']}")
        print()
    for h in sorted((nc.CACHE / "ner_runs").glob("*/history.json")):
        d = json.loads(h.read_text())
        print(f"### run {h.parent.name}: args {d['args']}, train+eval {d['train_seconds'] / 60:.1f} min")
        print("| epoch | train min | loss | F1 argmax | F1 Viterbi | PER | ORG | LOC | MISC | EMA argmax |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for e in d["history"]:
            a = e["valid_argmax"]
            ema = e.get("ema", {}).get("valid_argmax", {}).get("overall", {}).get("f1", "")
            print(f"| {e['epoch']} | {e['epoch_seconds'] / 60:.1f} | {e['train_loss']:.4f} | "
                  f"{a['overall']['f1']:.2f} | {e['valid_viterbi']['overall']['f1']:.2f} | "
                  + " | ".join(f"{a[t]['f1']:.2f}" for t in nc.ENTITY_TYPES) + f" | {ema} |")
        print()


if __name__ == "__main__":
    main()
