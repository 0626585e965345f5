#!/usr/bin/env python3
"""Average the weights of relation-model checkpoints (a "model soup") and score the
average on KBP37 dev and CrossRE news dev, as train_relations.py scores an epoch.

Checkpoints fine-tuned from the same start (here: the NER encoder) sit in one basin of
the loss, so their uniform average is a model of its own, usually better than each
member, at no cost at inference. Members are named <run>/<file> under
.cache/relation_runs/, e.g.

    .venv-train/bin/python scripts/average_relations.py --out soup \\
        main/best.pt main/last.pt s2/epoch5.pt s2/epoch6.pt

writes .cache/relation_runs/<out>/best.pt (the same keys as a training run's best.pt, so
scripts/export_relations_onnx.py --run <out> exports it) and history.json.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402
import relations_common as rc  # noqa: E402
from train_relations import crossre_dev, cut_dev_sets, eval_crossre, eval_kbp, load_data  # noqa: E402


def log(msg: str):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def average(states: list[dict]) -> dict:
    """Uniform average of floating-point tensors; integer buffers (position ids) from the first."""
    first = states[0]
    missing = [k for s in states[1:] for k in first if k not in s]
    if missing or any(len(s) != len(first) for s in states):
        raise SystemExit(f"checkpoints differ in their tensors (e.g. {missing[:3]}): average only the same architecture")
    return {k: (sum(s[k].float() for s in states) / len(states)).to(v.dtype) if v.is_floating_point() else v
            for k, v in first.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("members", nargs="+", help="<run>/<file> under .cache/relation_runs/")
    ap.add_argument("--out", required=True, help="run name for the average")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    runs = nc.CACHE / "relation_runs"
    paths = [runs / m for m in args.members]
    absent = [str(p) for p in paths if not p.exists()]
    if absent:
        raise SystemExit(f"no such checkpoint: {', '.join(absent)} (train with scripts/train_relations.py --keep-epochs)")
    checkpoints = [torch.load(p, map_location="cpu", weights_only=False) for p in paths]
    states = [ck["model"] for ck in checkpoints]
    typed = {bool(ck.get("args", {}).get("typed_markers")) for ck in checkpoints}
    if len(typed) > 1:
        raise SystemExit("members mix typed and untyped entity markers: average only one kind")
    typed = typed.pop()
    # the average reads cut sentences as well as its members that learnt to
    crop = max(float(ck.get("args", {}).get("crop_augment", 0.0)) for ck in checkpoints)
    base = nc.base_dir()
    tok = nc.load_tokenizer(base / "tokenizer.json")
    model, _ = rc.build_model(base, load_base=False)
    model.load_state_dict(average(states))
    dev_e, dev_t, dev_s = load_data(tok, "dev", typed)
    cdev_e, cdev_t, cdev_s = crossre_dev(tok, typed)
    kbp = eval_kbp(model, dev_e, dev_t, dev_s)
    cre = eval_crossre(model, cdev_e, cdev_t, cdev_s)
    # as train_relations.py reports each epoch: dev sentences cut as the pipeline cuts them
    cut = {str(context): eval_kbp(model, *data)["macro_f1"]
           for context, data in cut_dev_sets(tok, dev_t, dev_s).items()}
    log(f"average of {len(paths)}: KBP37 dev macro-F1 {100 * kbp['macro_f1']:.2f} micro {100 * kbp['micro_f1']:.2f} "
        f"| CrossRE news dev micro-F1 {100 * cre['f1']:.2f} | cropped KBP37 macro-F1 "
        + ", ".join(f"{c}: {100 * v:.2f}" for c, v in cut.items()))
    out_dir = runs / args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    label = "avg(" + ", ".join(args.members) + ")"
    nc.save_atomic({"model": model.state_dict(), "epoch": label, "kbp37_dev": kbp, "crossre_news_dev": cre,
                    "args": {"averaged": args.members, "typed_markers": typed, "crop_augment": crop}, "init": "average"}, out_dir / "best.pt")
    nc.write_json(out_dir / "history.json", {"averaged": args.members, "kbp37_dev": kbp, "crossre_news_dev": cre,
                                             "kbp37_dev_cropped_macro_f1": cut})
    log(f"wrote {out_dir / 'best.pt'}")


if __name__ == "__main__":
    main()
