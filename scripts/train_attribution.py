#!/usr/bin/env python3
"""Fine-tune MiniLM-L6 (uncased) + casing_v1 shape embedding as an attribution tagger
(source / cue / content spans, PolNeAR; issue #5).

Trains on polnear/train.jsonl only (both annotators' versions of doubly annotated
articles are kept as separate documents); evaluates span P/R/F1 per role (exact and
overlap, scripts/attribution_common.py) on polnear/dev.jsonl after every epoch, with the
exact windows the Rust runner uses, and keeps the best checkpoint (mean overlap F1).

    nice -n 5 nohup .venv-train/bin/python scripts/train_attribution.py --run main --epochs 3 --bf16 \
        > .cache/train_attribution.log 2>&1 &

Outputs (under .cache/attribution_runs/<run>/): last.pt (resume state), best.pt (best
weights + meta), history.json (per-epoch scores).
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_common as ac  # noqa: E402
import ner_common as nc  # noqa: E402


def log(msg: str):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def predict(model, windows, batch_size=32):
    model.eval()
    return nc.predict_windows(model, windows, batch_size)


def evaluate(model, windows, docs, batch_size=32):
    logits = predict(model, windows, batch_size)
    return ac.evaluate_logits(windows, logits, docs, True), ac.evaluate_logits(windows, logits, docs, False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", default="main")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3, help="classifier + shape embedding")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--init", default="ner:main",
                    help="'base' (raw MiniLM) or 'ner:<run>' (encoder + shape embedding of "
                         ".cache/ner_runs/<run>/best.pt; falls back to base if missing)")
    ap.add_argument("--no-label-context", action="store_true",
                    help="loss only on target words (default: also on context words of each window)")
    ap.add_argument("--max-train-docs", type=int, default=0, help="debug: first N train rows")
    ap.add_argument("--max-dev-docs", type=int, default=0, help="debug: first N dev rows")
    nc.add_run_args(ap)
    args = ap.parse_args()

    import torch

    out_dir, base, tok = nc.start_run(args, "attribution_runs")
    t0 = time.time()
    train_w, train_d = ac.prepare(ac.POLNEAR_DIR / "train.jsonl", tok, label_context=not args.no_label_context,
                                  limit=args.max_train_docs)
    dev_w, dev_d = ac.prepare(ac.POLNEAR_DIR / "dev.jsonl", tok, limit=args.max_dev_docs)
    n_tok = sum(len(w.input_ids) for w in train_w)
    n_lab = sum(sum(1 for x in w.labels if x >= 0) for w in train_w)
    log(f"args {vars(args)}")
    log(f"data: {len(train_d)} train docs -> {len(train_w)} windows ({n_tok} tokens/epoch, {n_lab} labelled "
        f"positions), {len(dev_d)} dev docs -> {len(dev_w)} windows, prep {time.time() - t0:.1f}s")

    model, config = nc.build_model(base, use_shape=True, num_labels=len(ac.LABELS))
    init = nc.init_from_ner(model, args.init, log)
    log(f"init: {init}")

    opt = nc.make_optimizer(model, args.lr, args.head_lr, args.weight_decay)

    lengths = [len(w.input_ids) for w in train_w]

    def batches(epoch):
        return nc.bucketed_batches(lengths, args.batch_size, args.seed, epoch)

    steps_per_epoch = math.ceil(len(train_w) / args.batch_size)
    total = steps_per_epoch * args.epochs
    if args.max_steps:
        total = min(total, args.max_steps)
    sched, warm = nc.warmup_linear_schedule(opt, total, args.warmup)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)

    start_epoch, step, best, history = 0, 0, -1.0, []
    st = nc.resume(out_dir, model, opt, sched, log) if args.resume else None
    if st:
        start_epoch, step, best, history = st["epoch"], st["step"], st["best"], st["history"]

    log(f"{steps_per_epoch} steps/epoch, {total} steps total, warmup {warm}")
    t_train = time.time()
    progress = nc.Progress(total, step, log)
    done = False
    for epoch in range(start_epoch, args.epochs):
        model.train()
        ep_t = time.time()
        run_loss, run_n = 0.0, 0
        for b in batches(epoch):
            ids, am, tt, sh, lab = nc.collate([train_w[i] for i in b])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                logits = model(ids, am, tt, sh)
            loss = loss_fn(logits.float().view(-1, logits.size(-1)), lab.view(-1))
            nc.optimizer_step(model, opt, sched, loss)
            step += 1
            run_loss += float(loss)
            run_n += 1
            progress.update(epoch, step, int(am.sum()), run_loss / run_n, sched.get_last_lr()[0])
            if args.max_steps and step >= args.max_steps:
                done = True
                break
        ep_dt = time.time() - ep_t
        t_ev = time.time()
        res_vit, res_arg = evaluate(model, dev_w, dev_d)
        ev_dt = time.time() - t_ev
        sel = res_vit["mean_overlap_f1"]
        rec = {"epoch": epoch + 1, "step": step, "train_loss": run_loss / max(1, run_n),
               "epoch_seconds": round(ep_dt, 1), "eval_seconds": round(ev_dt, 1),
               "dev_viterbi": res_vit, "dev_argmax": res_arg}
        history.append(rec)
        log(f"EPOCH {epoch + 1} train {ep_dt / 60:.1f} min, eval {ev_dt:.0f}s | dev viterbi: {ac.summary(res_vit)} "
            f"| argmax mean ov {res_arg['mean_overlap_f1']:.2f} viterbi mean ov {sel:.2f}")
        if sel > best:
            best = sel
            nc.save_atomic({"model": model.state_dict(), "epoch": epoch + 1, "dev": res_vit, "dev_argmax": res_arg,
                            "args": vars(args), "init": init, "labels": ac.LABELS, "use_shape": True},
                           out_dir / "best.pt")
            log(f"new best {best:.2f} saved")
        nc.save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "epoch": epoch + 1, "step": step, "best": best, "history": history}, out_dir / "last.pt")
        nc.write_json(out_dir / "history.json", {"args": vars(args), "init": init, "best_mean_overlap_f1": best,
                                                 "train_seconds": round(time.time() - t_train, 1),
                                                 "history": history})
        if done:
            break
    log(f"done: best dev mean overlap F1 {best:.2f}, wall {(time.time() - t_train) / 60:.1f} min")


if __name__ == "__main__":
    main()
