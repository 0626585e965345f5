#!/usr/bin/env python3
"""Fine-tune MiniLM-L6 (uncased) + casing_v1 embedding as an entity-pair relation
classifier with two heads (issue #7): KBP37 (18 types, directed) and CrossRE (17 labels).

Trains on kbp37/train.txt and every crossre_data/*-train.json (plus
crossre_extension/news-train.json); evaluates KBP37 dev macro-F1 (official measure,
direction counted) and CrossRE news-dev micro-F1 after every epoch and keeps the best
checkpoint by KBP37 dev macro-F1. Encoding and heads: scripts/relations_common.py.

    nice -n 5 nohup .venv-train/bin/python scripts/train_relations.py --run main --epochs 6 --bf16 \
        > .cache/train_relations.log 2>&1 &

`--crop-augment P` cuts a share P of the training sentences, each epoch anew, to their
entities and a random context (relations_common.crop_sentence), the way newsgrist's relation
stage reads sentences; every epoch then also reports KBP37 dev cut at 16, 24 and 40 characters.
The shipped model (v3) was trained with 0.5.

Outputs (under .cache/relation_runs/<run>/): last.pt, best.pt, history.json.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402
import relations_common as rc  # noqa: E402


def log(msg: str):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def load_data(tok, split: str, typed: bool):
    """(encoded, task ids, sentences) for a split."""
    sents = rc.read_kbp37(rc.KBP_DIR / f"{split}.txt")
    if split == "train":
        for p in sorted((rc.CROSSRE_DIR / "crossre_data").glob("*-train.json")):
            sents += rc.read_crossre(p)
        ext = rc.CROSSRE_DIR / "crossre_extension" / "news-train.json"
        if ext.exists():
            sents += rc.read_crossre(ext)
    if typed:
        n = rc.attach_types(sents, rc.NER_CACHE)
        log(f"{split}: {n} of {sum(len(s.entities) for s in sents)} entities typed by NER")
    enc, tasks, kept = [], [], []
    for s in sents:
        e = rc.encode(tok, s, all_pairs=s.task == "crossre")
        if e is None or not e.pairs:
            continue
        enc.append(e)
        tasks.append(rc.TASKS.index(s.task))
        kept.append(s)
    return enc, tasks, kept


def pair_logprobs(model, enc, tasks, batch_size=64):
    """Per sentence: (kbp log-probs, crossre log-probs) for each of its pairs."""
    import torch

    model.eval()
    order = sorted(range(len(enc)), key=lambda i: len(enc[i].input_ids))
    out = [None] * len(enc)
    with torch.inference_mode():
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            ids, am, tt, sh, pi, _, _ = rc.collate([enc[i] for i in idx], [tasks[i] for i in idx])
            kl, cl = model(ids, am, tt, sh, pi)
            kl = torch.log_softmax(kl.float(), -1).numpy()
            cl = torch.log_softmax(cl.float(), -1).numpy()
            pos = 0
            for i in idx:
                n = len(enc[i].pairs)
                out[i] = (kl[pos:pos + n], cl[pos:pos + n])
                pos += n
    return out


def eval_kbp(model, enc, tasks, sents):
    lps = pair_logprobs(model, enc, tasks)
    gold, pred = [], []
    for e, s, (kl, _) in zip(enc, sents, lps):
        by = {(h, t): kl[j] for j, (h, t, _) in enumerate(e.pairs)}
        gold.append(s.kbp_gold)
        pred.append(rc.kbp_decide(by[(0, 1)], by[(1, 0)]) if (0, 1) in by and (1, 0) in by else "no_relation")
    return rc.kbp_scores(gold, pred)


def eval_crossre(model, enc, tasks, sents):
    lps = pair_logprobs(model, enc, tasks)
    gold, pred = set(), set()
    for n, (e, s, (_, cl)) in enumerate(zip(enc, sents, lps)):
        for (h, t), lab in s.gold.items():
            gold.add((n, h, t, lab))
        for j, (h, t, _) in enumerate(e.pairs):
            k = int(cl[j].argmax())
            if k:
                pred.add((n, h, t, rc.CROSSRE_LABELS[k]))
    return rc.triple_scores(gold, pred)


def cropped_epoch(tok, enc, sents, share: float, seed: int, epoch: int):
    """This epoch's training encodings: `share` of the sentences cut to their entities and a
    random context (the pipeline's reading range), the rest whole. Reproducible per (seed, epoch)."""
    import random

    if share <= 0:
        return enc
    rng = random.Random(seed * 7919 + epoch)
    out = []
    for e, s in zip(enc, sents):
        if rng.random() < share:
            context = rng.choice(rc.CROP_CONTEXTS[:-1])
            cut = rc.encode(tok, rc.crop_sentence(s, context), all_pairs=s.task == "crossre")
            if cut is not None and len(cut.pairs) == len(e.pairs):
                e = cut
        out.append(e)
    return out


def cropped_dev(tok, sents, context: int):
    """KBP37 dev encodings cut as the pipeline cuts with `context` characters."""
    return [rc.encode(tok, rc.crop_sentence(s, context), all_pairs=False) for s in sents]


def cut_dev_sets(tok, dev_t, dev_s, contexts=(16, 24, 40)):
    """Per context: (encodings, tasks, sentences) of the KBP37 dev sentences that keep
    both entities when cut, as eval_kbp takes them."""
    sets = {}
    for context in contexts:
        ce_ = cropped_dev(tok, dev_s, context)
        keep = [k for k, e in enumerate(ce_) if e is not None and len(e.pairs) == 2]
        sets[context] = ([ce_[k] for k in keep], [dev_t[k] for k in keep], [dev_s[k] for k in keep])
    return sets


def crossre_dev(tok, typed: bool):
    sents = rc.read_crossre(rc.CROSSRE_DIR / "crossre_data" / "news-dev.json")
    if typed:
        rc.attach_types(sents, rc.NER_CACHE)
    enc, tasks, kept = [], [], []
    for s in sents:
        e = rc.encode(tok, s, all_pairs=True)
        if e is None:
            continue
        enc.append(e)
        tasks.append(1)
        kept.append(s)
    return enc, tasks, kept


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", default="main")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--crossre-weight", type=float, default=1.0, help="loss weight of CrossRE pairs")
    ap.add_argument("--class-weight-power", type=float, default=0.0,
                    help="KBP37 class weights (count of the commonest type / count of the type) ** power, "
                         "NONE included; 0: unweighted. KBP37's measure macro-averages types, so rare "
                         "types matter as much as common ones")
    ap.add_argument("--init", default="ner:main",
                    help="'base' (raw MiniLM), 'ner:<run>' (encoder + casing embedding of "
                         ".cache/ner_runs/<run>/best.pt; falls back to base if missing) or "
                         "'relations:<run>' (all weights of .cache/relation_runs/<run>/best.pt)")
    ap.add_argument("--keep-epochs", action="store_true",
                    help="also keep every epoch's weights (epoch<N>.pt), for weight averaging with "
                         "scripts/average_relations.py")
    ap.add_argument("--typed-markers", action="store_true",
                    help="open each entity with a marker naming its NER type (PER, ORG, LOC, MISC), "
                         "from .cache/relation_ner.json (scripts/type_relation_entities.py)")
    ap.add_argument("--crop-augment", type=float, default=0.0,
                    help="share of training sentences cut, each epoch anew, to their entities and a context "
                         "drawn from relations_common.CROP_CONTEXTS, as newsgrist's pipeline reads them")
    ap.add_argument("--max-dev", type=int, default=0, help="debug: first N dev sentences")
    nc.add_run_args(ap)
    args = ap.parse_args()

    import torch

    out_dir, base, tok = nc.start_run(args, "relation_runs")
    t0 = time.time()
    train_e, train_t, train_s = load_data(tok, "train", args.typed_markers)
    dev_e, dev_t, dev_s = load_data(tok, "dev", args.typed_markers)
    cdev_e, cdev_t, cdev_s = crossre_dev(tok, args.typed_markers)
    if args.max_dev:
        dev_e, dev_t, dev_s = dev_e[:args.max_dev], dev_t[:args.max_dev], dev_s[:args.max_dev]
        cdev_e, cdev_t, cdev_s = cdev_e[:args.max_dev], cdev_t[:args.max_dev], cdev_s[:args.max_dev]
    n_tok = sum(len(e.input_ids) for e in train_e)
    log(f"args {vars(args)}")
    log(f"data: {len(train_e)} train sentences ({sum(train_t)} CrossRE, {n_tok} tokens/epoch, "
        f"{sum(len(e.pairs) for e in train_e)} pairs), {len(dev_e)} KBP37 dev, {len(cdev_e)} CrossRE news dev, "
        f"prep {time.time() - t0:.1f}s")

    model, config = rc.build_model(base)
    if args.init.startswith("relations:"):
        # continue from another run's best weights (heads included), with this run's schedule
        p = nc.CACHE / "relation_runs" / args.init[len("relations:"):] / "best.pt"
        model.load_state_dict(torch.load(p, map_location="cpu", weights_only=False)["model"])
        init = str(p.relative_to(nc.REPO))
    else:
        init = nc.init_from_ner(model, args.init, log)
    log(f"init: {init}")
    if args.typed_markers and not args.init.startswith("relations:"):
        # a typed marker starts from the embedding of its type's name, so its meaning is
        # there from the first step; the untyped [unused1] keeps its own
        emb = model.bert.embeddings.word_embeddings.weight
        with torch.no_grad():
            for typ, word in (("PER", "person"), ("ORG", "organization"), ("LOC", "location"),
                              ("MISC", "entity")):
                emb[rc.TYPED_START_IDS[typ]] = emb[tok.token_to_id(word)]
    opt = nc.make_optimizer(model, args.lr, args.head_lr, args.weight_decay,
                            head_prefixes=("kbp", "crossre", "norm", "shape_emb"))

    # KBP37 dev cut as the pipeline cuts it, encoded once for every epoch's report
    cut_dev = cut_dev_sets(tok, dev_t, dev_s)
    steps_per_epoch = math.ceil(len(train_e) / args.batch_size)
    total = steps_per_epoch * args.epochs
    if args.max_steps:
        total = min(total, args.max_steps)
    sched, warm = nc.warmup_linear_schedule(opt, total, args.warmup)
    ce = torch.nn.CrossEntropyLoss(reduction="none")
    kbp_counts = [0] * len(rc.KBP_LABELS)
    for e, t in zip(train_e, train_t):
        if t == 0:
            for _, _, lab in e.pairs:
                kbp_counts[lab] += 1
    top = max(kbp_counts)
    kbp_weight = torch.tensor([(top / max(1, c)) ** args.class_weight_power for c in kbp_counts])
    log("KBP37 pair counts " + ", ".join(f"{rc.KBP_LABELS[i]} {c} (w {float(kbp_weight[i]):.2f})"
                                         for i, c in enumerate(kbp_counts)))

    start_epoch, step, best, history = 0, 0, -1.0, []
    st = nc.resume(out_dir, model, opt, sched, log) if args.resume else None
    if st:
        start_epoch, step, best, history = st["epoch"], st["step"], st["best"], st["history"]

    log(f"{steps_per_epoch} steps/epoch, {total} steps total, warmup {warm}")
    t_train = time.time()
    progress = nc.Progress(total, step, log, every=50)
    done = False
    for epoch in range(start_epoch, args.epochs):
        model.train()
        ep_t = time.time()
        run_loss, run_n = 0.0, 0
        epoch_e = cropped_epoch(tok, train_e, train_s, args.crop_augment, args.seed, epoch)
        lengths = [len(e.input_ids) for e in epoch_e]
        for b in nc.bucketed_batches(lengths, args.batch_size, args.seed, epoch):
            ids, am, tt, sh, pi, lab, task = rc.collate([epoch_e[i] for i in b], [train_t[i] for i in b])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                kl, cl = model(ids, am, tt, sh, pi)
            is_kbp = task == 0
            loss_k = ce(kl.float(), torch.where(is_kbp, lab, 0))
            loss_c = ce(cl.float(), torch.where(is_kbp, 0, lab))
            w = torch.where(is_kbp, kbp_weight[torch.where(is_kbp, lab, 0)], args.crossre_weight)
            loss = (torch.where(is_kbp, loss_k, loss_c) * w).sum() / w.sum()
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
        kbp = eval_kbp(model, dev_e, dev_t, dev_s)
        cre = eval_crossre(model, cdev_e, cdev_t, cdev_s)
        cut = {context: eval_kbp(model, *data)["macro_f1"] for context, data in cut_dev.items()}
        ev_dt = time.time() - t_ev
        sel = kbp["macro_f1"]
        rec = {"epoch": epoch + 1, "step": step, "train_loss": run_loss / max(1, run_n),
               "epoch_seconds": round(ep_dt, 1), "eval_seconds": round(ev_dt, 1),
               "kbp37_dev": kbp, "crossre_news_dev": cre,
               "kbp37_dev_cropped_macro_f1": {str(c): v for c, v in cut.items()}}
        history.append(rec)
        log(f"EPOCH {epoch + 1} train {ep_dt / 60:.1f} min, eval {ev_dt:.0f}s | KBP37 dev macro-F1 "
            f"{100 * sel:.2f} micro {100 * kbp['micro_f1']:.2f} | CrossRE news dev micro-F1 {100 * cre['f1']:.2f} "
            f"(P {100 * cre['precision']:.1f} R {100 * cre['recall']:.1f}) | cropped KBP37 macro-F1 "
            + ", ".join(f"{c}: {100 * v:.2f}" for c, v in cut.items()))
        if sel > best:
            best = sel
            nc.save_atomic({"model": model.state_dict(), "epoch": epoch + 1, "kbp37_dev": kbp,
                            "crossre_news_dev": cre, "args": vars(args), "init": init}, out_dir / "best.pt")
            log(f"new best {100 * best:.2f} saved")
        if args.keep_epochs:
            nc.save_atomic({"model": model.state_dict(), "epoch": epoch + 1, "kbp37_dev": kbp,
                            "crossre_news_dev": cre, "args": vars(args), "init": init},
                           out_dir / f"epoch{epoch + 1}.pt")
        nc.save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "epoch": epoch + 1, "step": step, "best": best, "history": history}, out_dir / "last.pt")
        nc.write_json(out_dir / "history.json", {"args": vars(args), "init": init, "best_kbp37_macro_f1": best,
                                                 "train_seconds": round(time.time() - t_train, 1),
                                                 "history": history})
        if done:
            break
    log(f"done: best KBP37 dev macro-F1 {100 * best:.2f}, wall {(time.time() - t_train) / 60:.1f} min")


if __name__ == "__main__":
    main()
