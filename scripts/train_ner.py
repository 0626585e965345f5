#!/usr/bin/env python3
"""Fine-tune MiniLM-L6 (uncased) + casing_v1 shape embedding for CoNLL-2003 NER (issue #3).

Trains on conll2003/train.txt only; evaluates strict entity-level F1 (conlleval
semantics) on valid.txt after every epoch and keeps the best checkpoint.

    nice -n 10 nohup .venv-train/bin/python scripts/train_ner.py --run main \
        > .cache/train_ner.log 2>&1 &

Outputs (all under .cache/ner_runs/<run>/): last.pt (resume state), best.pt
(best model weights + meta), history.json (per-epoch scores).
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402


def log(msg: str):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def evaluate(model, windows, sents, batch_size=32):
    model.eval()
    logits = nc.predict_windows(model, windows, batch_size)
    gold = [s.tags for s in sents]
    arg, vit = nc.decode_predictions(windows, logits, sents)
    return nc.score(gold, arg), nc.score(gold, vit)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", default="main")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3, help="classifier + shape embedding")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    ap.add_argument("--no-shape", action="store_true", help="ablation: no casing feature")
    ap.add_argument("--no-context", action="store_true", help="ablation: one sentence per window")
    ap.add_argument("--max-train-windows", type=int, default=0, help="debug: subsample")
    ap.add_argument("--max-steps", type=int, default=0, help="debug: stop after N steps")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--bf16", action="store_true", help="bf16 autocast for the training forward pass")
    ap.add_argument("--init-run", default="",
                    help="start from .cache/ner_runs/RUN/best.pt instead of the base encoder")
    ap.add_argument("--keep-layers", default="",
                    help="comma list of encoder layers to keep (after --init-run), e.g. 0,1,2,3")
    ap.add_argument("--teacher-run", default="",
                    help="distil from .cache/ner_runs/RUN/best.pt: loss = (1 - a) CE + a T^2 KL")
    ap.add_argument("--kd-alpha", type=float, default=0.5)
    ap.add_argument("--kd-temperature", type=float, default=2.0)
    ap.add_argument("--ema", type=float, default=0.0,
                    help="if >0: keep an exponential moving average of the weights, evaluate it too")
    args = ap.parse_args()

    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)

    out_dir = nc.CACHE / "ner_runs" / args.run
    out_dir.mkdir(parents=True, exist_ok=True)
    base = nc.base_dir()
    tok = nc.load_tokenizer(base / "tokenizer.json")
    ctx = not args.no_context
    t0 = time.time()
    train_w, _ = nc.prepare(nc.CONLL_DIR / "train.txt", tok, context=ctx)
    valid_w, valid_s = nc.prepare(nc.CONLL_DIR / "valid.txt", tok, context=ctx)
    if args.max_train_windows:
        random.Random(0).shuffle(train_w)
        train_w = train_w[:args.max_train_windows]
    n_tok = sum(len(w.input_ids) for w in train_w)
    log(f"args {vars(args)}")
    log(f"data: {len(train_w)} train windows ({n_tok} tokens/epoch), {len(valid_w)} valid windows, "
        f"prep {time.time() - t0:.1f}s")

    model, config = nc.build_model(base, use_shape=not args.no_shape)
    if args.init_run:
        init = nc.CACHE / "ner_runs" / args.init_run / "best.pt"
        model.load_state_dict(torch.load(init, map_location="cpu", weights_only=False)["model"])
        log(f"init: {init}")
    keep_layers = [int(x) for x in args.keep_layers.split(",")] if args.keep_layers else []
    if keep_layers:
        nc.keep_encoder_layers(model, config, keep_layers)
        log(f"encoder layers kept: {keep_layers}")
    teacher = None
    if args.teacher_run:
        teacher_ck = nc.CACHE / "ner_runs" / args.teacher_run / "best.pt"
        teacher_saved = torch.load(teacher_ck, map_location="cpu", weights_only=False)
        teacher, _ = nc.build_model(base, use_shape=teacher_saved["use_shape"], load_base=False)
        teacher.load_state_dict(teacher_saved["model"])
        teacher.eval()
        log(f"teacher: {teacher_ck}, alpha {args.kd_alpha}, temperature {args.kd_temperature}")
    opt = nc.make_optimizer(model, args.lr, args.head_lr, args.weight_decay)

    lengths = [len(w.input_ids) for w in train_w]

    def batches(epoch):
        return nc.bucketed_batches(lengths, args.batch_size, args.seed, epoch)

    steps_per_epoch = math.ceil(len(train_w) / args.batch_size)
    total = steps_per_epoch * args.epochs
    if args.max_steps:
        total = min(total, args.max_steps)
    sched, warm = nc.warmup_linear_schedule(opt, total, args.warmup)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=args.label_smoothing)

    start_epoch, step, best_f1, history = 0, 0, -1.0, []
    if args.resume and (out_dir / "last.pt").exists():
        st = torch.load(out_dir / "last.pt", map_location="cpu", weights_only=False)
        model.load_state_dict(st["model"])
        opt.load_state_dict(st["opt"])
        sched.load_state_dict(st["sched"])
        start_epoch, step, best_f1, history = st["epoch"], st["step"], st["best_f1"], st["history"]
        log(f"resumed at epoch {start_epoch} step {step} best {best_f1}")

    ema = None
    if args.ema > 0:
        ema_keys = [k for k, v in model.state_dict().items() if v.is_floating_point()]
        ema = {k: v.detach().clone() for k, v in model.state_dict().items() if k in ema_keys}
        if args.resume and (out_dir / "last.pt").exists() and "ema" in st:
            ema = st["ema"]
        live = model.state_dict()
        ema_src = [live[k] for k in ema_keys]
        ema_dst = [ema[k] for k in ema_keys]

    log(f"{steps_per_epoch} steps/epoch, {total} steps total, warmup {warm}")
    t_train = time.time()
    seen_tok, t_seen = 0, time.time()
    done = False
    for epoch in range(start_epoch, args.epochs):
        model.train()
        ep_t = time.time()
        run_loss, run_n = 0.0, 0
        for bi, b in enumerate(batches(epoch)):
            ids, am, tt, sh, lab = nc.collate([train_w[i] for i in b])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                logits = model(ids, am, tt, sh)
            loss = loss_fn(logits.float().view(-1, logits.size(-1)), lab.view(-1))
            if teacher is not None:
                with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                    teacher_logits = teacher(ids, am, tt, sh)
                loss = (1 - args.kd_alpha) * loss + args.kd_alpha * nc.distillation_loss(
                    logits, teacher_logits, lab, args.kd_temperature)
            nc.optimizer_step(model, opt, sched, loss)
            step += 1
            if ema is not None:
                d = min(args.ema, (1 + step) / (10 + step))
                with torch.no_grad():
                    torch._foreach_mul_(ema_dst, d)
                    torch._foreach_add_(ema_dst, ema_src, alpha=1 - d)
            seen_tok += int(am.sum())
            run_loss += float(loss)
            run_n += 1
            if step % 20 == 0:
                dt = time.time() - t_seen
                tps = seen_tok / dt
                left = (total - step) * dt / max(1, run_n_since(step))
                log(f"ep {epoch + 1} step {step}/{total} loss {run_loss / run_n:.4f} "
                    f"lr {sched.get_last_lr()[0]:.2e} {tps:.0f} tok/s "
                    f"({seen_tok} tok in {dt:.0f}s) ETA train {left / 60:.1f} min")
            if args.max_steps and step >= args.max_steps:
                done = True
                break
        ep_dt = time.time() - ep_t
        t_ev = time.time()
        res_arg, res_vit = evaluate(model, valid_w, valid_s)
        ev_dt = time.time() - t_ev
        f1 = res_arg["overall"]["f1"]
        weights = model.state_dict()
        which = "live"
        if ema is not None:
            backup = {k: v.detach().clone() for k, v in model.state_dict().items()}
            model.load_state_dict(ema, strict=False)
            e_arg, e_vit = evaluate(model, valid_w, valid_s)
            log(f"EMA valid F1 argmax {e_arg['overall']['f1']:.2f} viterbi {e_vit['overall']['f1']:.2f}")
            ema_rec = {"valid_argmax": e_arg, "valid_viterbi": e_vit}
            if e_arg["overall"]["f1"] > f1:
                f1, res_arg, res_vit, which = e_arg["overall"]["f1"], e_arg, e_vit, "ema"
                weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
            model.load_state_dict(backup)
        rec = {"epoch": epoch + 1, "step": step, "train_loss": run_loss / max(1, run_n),
               "epoch_seconds": round(ep_dt, 1), "eval_seconds": round(ev_dt, 1),
               "valid_argmax": res_arg, "valid_viterbi": res_vit, "selected_weights": which}
        if ema is not None:
            rec["ema"] = ema_rec
        history.append(rec)
        log(f"EPOCH {epoch + 1} train {ep_dt / 60:.1f} min, eval {ev_dt:.0f}s | valid F1 argmax {f1:.2f} "
            f"viterbi {res_vit['overall']['f1']:.2f} | per type "
            + " ".join(f"{t}={res_arg[t]['f1']:.2f}" for t in nc.ENTITY_TYPES))
        if f1 > best_f1:
            best_f1 = f1
            nc.save_atomic({"model": weights, "weights": which, "epoch": epoch + 1, "valid": res_arg,
                            "valid_viterbi": res_vit, "args": vars(args),
                            "use_shape": not args.no_shape, "context": ctx,
                            "keep_layers": keep_layers}, out_dir / "best.pt")
            log(f"new best {best_f1:.2f} saved")
        nc.save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "epoch": epoch + 1, "step": step, "best_f1": best_f1, "history": history,
                        "ema": ema}, out_dir / "last.pt")
        nc.write_json(out_dir / "history.json", {"args": vars(args), "best_f1": best_f1,
                                                 "train_seconds": round(time.time() - t_train, 1),
                                                 "history": history})
        if done:
            break
    log(f"done: best valid F1 {best_f1:.2f}, wall {(time.time() - t_train) / 60:.1f} min")


_step_counter = {"start": None}


def run_n_since(step):
    # steps done since this process started (for ETA after a resume)
    if _step_counter["start"] is None:
        _step_counter["start"] = step - 20
    return step - _step_counter["start"]


if __name__ == "__main__":
    main()
