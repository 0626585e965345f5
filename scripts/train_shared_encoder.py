#!/usr/bin/env python3
"""One encoder for named entities and attribution (issue #8): the NER model's encoder trained
further on CoNLL-2003 and PolNeAR together, with two heads (NER, 9 labels; attribution,
7 labels). newsgrist then runs one encoder pass per window for both stages instead of two.

Why not a branch of the frozen NER encoder (scripts/train_attribution_branch.py): its top
layers alone cannot learn attribution as well as a whole encoder (README, Throughput).

Starts from the shipped models/ner/model.onnx (its int8 weights dequantized, as
scripts/recover_relation_weights.py does for the relation model; the attribution head is new).
Batches are of one task each, interleaved at random; CoNLL in the NER recipe's windows
(128-token targets with context), PolNeAR in the windows newsgrist runs (254 targets, no
context). After every epoch: CoNLL valid F1 (IOB2 Viterbi, the NER model's inference windows)
and PolNeAR dev span F1 (scripts/attribution_common.py), and a checkpoint epoch<N>.pt.

    nice -n 5 nohup .venv-train/bin/python scripts/train_shared_encoder.py --run main --epochs 3 --bf16 \\
        > .cache/train_shared.log 2>&1 &

Distillation (`--teacher-ner`, `--teacher-attribution`: ONNX models whose logits the heads also
learn, `--kd-weight` of the loss) keeps the heads close to the separate models they replace, whose
output the claim and entity rules were written against:

    git show 7195783:models/ner/model.onnx > .cache/teachers/ner.onnx
    git show 7195783:models/attribution/model.onnx > .cache/teachers/attribution.onnx
    nice -n 5 nohup .venv-train/bin/python scripts/train_shared_encoder.py --run distil --epochs 2 \
        --init .cache/shared_runs/main/epoch3.pt --max-context -1 --lr 5e-5 --head-lr 1e-4 --bf16 \
        --teacher-ner .cache/teachers/ner.onnx --teacher-attribution .cache/teachers/attribution.onnx &

Outputs under .cache/shared_runs/<run>/. The data is read from ../shared/data (skipped with a
message where it is absent).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_common as ac  # noqa: E402
import ner_common as nc  # noqa: E402

NER_DIR = nc.REPO / "models" / "ner"


def log(msg: str):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def build(base: Path, from_shipped: bool = True):
    """The two-headed model; with `from_shipped`, its encoder and NER head are the shipped NER
    model's weights (a checkpoint loaded afterwards needs no such start)."""
    from torch import nn

    import recover_relation_weights as rw

    ner, config = nc.build_model(base, use_shape=True, load_base=False)
    if from_shipped:
        ner.load_state_dict(rw.recovered_state(NER_DIR / "model.onnx", ner.state_dict()))

    class Shared(nn.Module):
        def __init__(self):
            super().__init__()
            self.ner = ner
            self.attribution = nn.Linear(config.hidden_size, len(ac.LABELS))
            nn.init.normal_(self.attribution.weight, std=0.02)
            nn.init.zeros_(self.attribution.bias)

        def forward(self, input_ids, attention_mask, token_type_ids, shape_ids):
            emb = self.ner.bert.embeddings.word_embeddings(input_ids) + self.ner.shape_emb(shape_ids)
            h = self.ner.bert(inputs_embeds=emb, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
            h = self.ner.dropout(h)
            return self.ner.classifier(h), self.attribution(h)

    return Shared(), config


def predict(model, windows, head: int, batch_size=32):
    model.eval()
    return nc.predict_windows(lambda *inputs: model(*inputs)[head], windows, batch_size)


def evaluate(model, conll_valid, polnear_dev):
    (vw, vs), (dw, dd) = conll_valid, polnear_dev
    _, vit = nc.decode_predictions(vw, predict(model, vw, 0), vs)
    ner = nc.score([s.tags for s in vs], vit)
    attribution = ac.evaluate_logits(dw, predict(model, dw, 1), dd, True)
    return ner, attribution


def teacher_logits(onnx_path: Path, windows, cache: Path):
    """The teacher's logits for every window (fp16, unpadded), one window per call as newsgrist
    runs its models; read back from `cache` when there."""
    return nc.window_outputs(nc.ort_session(onnx_path, 2, as_newsgrist=True), windows, cache, "teacher")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", default="main")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4, help="encoder, casing embedding and NER head")
    ap.add_argument("--head-lr", type=float, default=1e-3, help="the new attribution head")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--max-docs", type=int, default=0, help="debug: first N PolNeAR rows, N CoNLL windows")
    ap.add_argument("--init", help="start from this checkpoint of this script (epoch<N>.pt) instead of the "
                                   "shipped NER model")
    ap.add_argument("--teacher-ner", type=Path,
                    help="distil: an ONNX NER model whose logits on the CoNLL windows the NER head also learns")
    ap.add_argument("--teacher-attribution", type=Path,
                    help="distil: an ONNX attribution model whose logits on the PolNeAR windows the "
                         "attribution head also learns")
    ap.add_argument("--kd-weight", type=float, default=0.5,
                    help="share of the distillation loss where a task has a teacher (the rest: gold labels)")
    ap.add_argument("--temperature", type=float, default=2.0)
    ap.add_argument("--news", type=int, default=0,
                    help="with both teachers: also learn both teachers' logits (no gold) on N unlabelled "
                         "news articles (../shared/data/news, after the first 2,000, which scripts/bench reads)")
    ap.add_argument("--max-context", type=int, default=None,
                    help="context tokens per side of PolNeAR's windows (-1: fill the window) "
                         "[default: models/ner/config.json's max_context]")
    nc.add_run_args(ap)
    args = ap.parse_args()
    if not (ac.POLNEAR_DIR / "train.jsonl").exists() or not (nc.CONLL_DIR / "train.txt").exists():
        print(f"skipped: {ac.POLNEAR_DIR} or {nc.CONLL_DIR} is absent (see ../shared/data/README.md)")
        return

    import torch

    out_dir, base, tok = nc.start_run(args, "shared_runs")
    cfg = json.loads((NER_DIR / "config.json").read_text())["newsgrist"]
    budget, max_context = cfg["target_budget"], cfg.get("max_context")
    if args.max_context is not None:
        max_context = None if args.max_context < 0 else args.max_context
    conll_train, _ = nc.prepare(nc.CONLL_DIR / "train.txt", tok)
    conll_valid = nc.prepare(nc.CONLL_DIR / "valid.txt", tok, target_budget=budget, context=True)
    polnear_train, polnear_dev = [], ([], [])
    for split, rows_limit in (("train", args.max_docs), ("dev", args.max_docs)):
        rows = ac.load_rows(ac.POLNEAR_DIR / f"{split}.jsonl")[: rows_limit or None]
        docs, windows = [], []
        for row in rows:
            d = ac.make_doc(tok, row)
            windows += ac.doc_windows(d, len(docs), budget=budget, max_context=max_context)
            docs.append(d)
        if split == "train":
            polnear_train = windows
        else:
            polnear_dev = (windows, docs)
    if args.max_docs:
        conll_train = conll_train[: args.max_docs * 4]
    log(f"CoNLL train {len(conll_train)} windows ({sum(len(w.input_ids) for w in conll_train)} tokens), "
        f"PolNeAR train {len(polnear_train)} windows ({sum(len(w.input_ids) for w in polnear_train)} tokens)")

    model, _ = build(base, from_shipped=not args.init)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu", weights_only=False)["model"])
        log(f"initialised from {args.init}")
    ner0, attr0 = evaluate(model, conll_valid, polnear_dev)
    log(f"start (NER weights dequantized, attribution head new): CoNLL valid F1 {ner0['overall']['f1']:.2f} | "
        f"{ac.summary(attr0)}")

    head_params = list(model.attribution.parameters())
    rest = [(k, p) for k, p in model.named_parameters() if not k.startswith("attribution.")]
    decay = [p for k, p in rest if not (k.endswith("bias") or "LayerNorm" in k)]
    plain = [p for k, p in rest if k.endswith("bias") or "LayerNorm" in k]
    opt = torch.optim.AdamW([{"params": decay, "lr": args.lr, "weight_decay": args.weight_decay},
                             {"params": plain, "lr": args.lr, "weight_decay": 0.0},
                             {"params": head_params, "lr": args.head_lr, "weight_decay": 0.0}])
    # (head, windows, teacher logits or None, whether the windows have gold labels)
    tasks = [(0, conll_train, None, True), (1, polnear_train, None, True)]
    teacher_paths = (args.teacher_ner, args.teacher_attribution)
    for task, path in enumerate(teacher_paths):
        if path:
            name = ("conll", "polnear")[task]
            head, windows, _, gold = tasks[task]
            tasks[task] = (head, windows, teacher_logits(path, windows, out_dir / f"teacher_{name}.npz"), gold)
            log(f"teacher {path} on the {name} windows: {len(windows)} windows")
    if args.news:
        if not all(teacher_paths):
            raise SystemExit("--news needs --teacher-ner and --teacher-attribution")
        news = []
        for row in nc.news_rows(args.news, skip=2000, seed=args.seed):
            news += ac.doc_windows(ac.make_doc(tok, row), len(news), budget=budget, max_context=max_context)
        for w in news:  # no gold: the targets' word starts only mark where the teachers' logits count
            for pos, _, _ in w.targets:
                w.labels[pos] = 0
        log(f"{args.news} news articles: {len(news)} windows ({sum(len(w.input_ids) for w in news)} tokens)")
        for head, path in enumerate(teacher_paths):
            name = ("ner", "attribution")[head]
            tasks.append((head, news, teacher_logits(path, news, out_dir / f"teacher_news_{name}.npz"), False))

    def epoch_batches(epoch):
        out = []
        for task, (_, windows, _, _) in enumerate(tasks):
            lengths = [len(w.input_ids) for w in windows]
            out += [(task, b) for b in nc.bucketed_batches(lengths, args.batch_size, args.seed + task, epoch)]
        random.Random(args.seed * 7 + epoch).shuffle(out)
        return out

    steps = len(epoch_batches(0))
    sched, warm = nc.warmup_linear_schedule(opt, steps * args.epochs, args.warmup)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history = []
    log(f"{steps} steps per epoch, warmup {warm}")
    for epoch in range(args.epochs):
        model.train()
        t0 = time.time()
        totals = [0.0, 0.0]
        counts = [0, 0]
        for step, (task, b) in enumerate(epoch_batches(epoch)):
            head, windows, teacher, gold = tasks[task]
            ids, am, tt, sh, lab = nc.collate([windows[i] for i in b])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                logits = model(ids, am, tt, sh)[head]
            loss = loss_fn(logits.float().view(-1, logits.size(-1)), lab.view(-1))
            if teacher is not None:
                soft = torch.zeros(logits.shape, dtype=torch.float32)
                for j, i in enumerate(b):
                    soft[j, : len(windows[i].input_ids)] = torch.from_numpy(teacher[i].astype("float32"))
                kd = nc.distillation_loss(logits, soft, lab, args.temperature)
                loss = (1 - args.kd_weight) * loss + args.kd_weight * kd if gold else kd
            nc.optimizer_step(model, opt, sched, loss)
            totals[head] += float(loss)
            counts[head] += 1
            if step % 200 == 0:
                log(f"  epoch {epoch + 1} step {step}/{steps} loss NER {totals[0] / max(1, counts[0]):.4f} "
                    f"attribution {totals[1] / max(1, counts[1]):.4f}")
            if args.max_steps and step >= args.max_steps:
                break
        ner, attribution = evaluate(model, conll_valid, polnear_dev)
        rec = {"epoch": epoch + 1, "minutes": round((time.time() - t0) / 60, 1),
               "loss_ner": totals[0] / max(1, counts[0]), "loss_attribution": totals[1] / max(1, counts[1]),
               "conll_valid_f1": ner["overall"]["f1"], "polnear_dev": attribution}
        history.append(rec)
        log(f"EPOCH {epoch + 1} ({rec['minutes']} min) CoNLL valid F1 {ner['overall']['f1']:.2f} | {ac.summary(attribution)}")
        nc.save_atomic({"model": model.state_dict(), "epoch": epoch + 1, "conll_valid": ner,
                        "polnear_dev": attribution, "args": {k: str(v) for k, v in vars(args).items()}},
                       out_dir / f"epoch{epoch + 1}.pt")
        nc.write_json(out_dir / "history.json", {"args": {k: str(v) for k, v in vars(args).items()},
                                                 "start": {"conll_valid_f1": ner0["overall"]["f1"], "polnear_dev": attr0},
                                                 "history": history})
    log("done")


if __name__ == "__main__":
    main()
