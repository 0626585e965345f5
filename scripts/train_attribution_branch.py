#!/usr/bin/env python3
"""An experiment of issue #8, not a shipped model: can the attribution tagger be a branch of
the NER model, sharing the shipped NER encoder's first L layers (int8, exactly as newsgrist
runs them) and training only its top 6 - L layers and a new head for source / cue / content
(PolNeAR)? One pass per window would then give both label sets, and the attribution would
cost (6 - L) / 6 of a NER pass instead of a whole second encoder.

Measured on 2026-12-05 (README, Throughput): the branch stays 1 to 8 points of overlap F1
below the whole attribution model, and the speed it buys at the depth where it comes closest
(L = 2) is small; the way on is one encoder trained for both tasks
(scripts/train_shared_encoder.py).

Steps (cached under .cache/attribution_branch/<run>/):
  1. trunk features: models/ner/model.onnx cut after layer L (onnx.utils.extract_model) and
     run by ONNX Runtime, one window per call and SkipLayerNormFusion off, as newsgrist runs
     it, over the NER model's windows (254 targets, no context) of PolNeAR train and dev;
     stored fp16.
  2. training: the branch (BertLayer x (6 - L), initialised from the NER encoder's own top
     layers, which read these features; head new) on the train features, optionally also
     learning a whole attribution model's logits (--teacher, distillation) on PolNeAR and on
     unlabelled news (--news N); dev scored after every epoch with the Rust runner's
     decoding (IOB2 Viterbi over all words of a document, scripts/attribution_common.py).

    .venv-train/bin/python scripts/train_attribution_branch.py --run l2 --trunk-layers 2 --epochs 4
    .venv-train/bin/python scripts/train_attribution_branch.py --run l2kd --trunk-layers 2 --epochs 3 \\
        --teacher models/attribution/model.onnx --news 2000

PolNeAR is read from ../shared/data/polnear (skipped with a message where it is absent).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_common as ac  # noqa: E402
import ner_common as nc  # noqa: E402

NER_ONNX = nc.REPO / "models" / "ner" / "model.onnx"
HIDDEN = 384


def log(msg: str):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def trunk_output(layers: int) -> str:
    return f"/bert/encoder/layer.{layers - 1}/output/LayerNorm/LayerNormalization_output_0"


def trunk_session(layers: int, out_dir: Path, threads: int):
    import onnx

    path = out_dir / f"trunk{layers}.onnx"
    if not path.exists():
        inputs = ["input_ids", "attention_mask", "token_type_ids", "shape_ids"]
        onnx.utils.extract_model(str(NER_ONNX), str(path), inputs, [trunk_output(layers)])
    return nc.ort_session(path, threads, as_newsgrist=True)


def windows_of(path, tok, limit: int = 0):
    """The NER model's windows (config.json: target_budget 254, max_context 0) of a PolNeAR
    file, or of a list of rows (unlabelled news: no gold, targets only)."""
    cfg = json.loads((nc.REPO / "models" / "ner" / "config.json").read_text())["newsgrist"]
    rows = ac.load_rows(path) if isinstance(path, Path) else path
    if limit:
        rows = rows[:limit]
    docs, windows = [], []
    for row in rows:
        d = ac.make_doc(tok, row)
        windows += ac.doc_windows(d, len(docs), budget=cfg["target_budget"], max_context=cfg["max_context"])
        docs.append(d)
    return windows, docs


def build_branch(layers: int, base: Path):
    import torch
    from transformers import BertConfig
    from transformers.models.bert.modeling_bert import BertLayer

    config = BertConfig.from_pretrained(str(base))
    config._attn_implementation = "eager"

    class Branch(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = torch.nn.ModuleList([BertLayer(config) for _ in range(6 - layers)])
            self.dropout = torch.nn.Dropout(config.hidden_dropout_prob)
            self.classifier = torch.nn.Linear(config.hidden_size, len(ac.LABELS))

        def forward(self, hidden, attention_mask):
            ext = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * -10000.0
            for layer in self.layer:
                hidden = layer(hidden, attention_mask=ext)[0]
            return self.classifier(self.dropout(hidden))

    return Branch()


def init_from_ner(branch, layers: int):
    """The NER encoder's layers >= L, dequantized from the shipped int8 graph
    (scripts/recover_relation_weights.py's mapping); the head stays new."""
    import numpy as np
    import onnx
    import torch
    from onnx import numpy_helper

    import recover_relation_weights as rw

    model = onnx.load(str(NER_ONNX))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    state = {}
    for name, value in inits.items():
        state[name] = value
    for n in model.graph.node:
        if n.op_type != "MatMulInteger" or not n.name.startswith("/bert/"):
            continue
        w = n.input[1]
        base = w[: -len("_quantized")]
        q = inits[w].astype(np.float32)
        zp = inits[base + "_zero_point"].astype(np.float32)
        scale = inits[base + "_scale"].astype(np.float32)
        state[rw.torch_name(n.output[0])] = ((q - zp) * scale).T
    own = branch.state_dict()
    loaded = {}
    for k in own:
        m = re.match(r"layer\.(\d+)\.(.*)", k)
        if not m:
            continue
        src = f"bert.encoder.layer.{int(m.group(1)) + layers}.{m.group(2)}"
        if src not in state:
            raise SystemExit(f"no weights for {k} ({src}) in {NER_ONNX}")
        loaded[k] = torch.from_numpy(np.array(state[src], dtype=np.float32))
    branch.load_state_dict(loaded, strict=False)
    return len(loaded)


def batches_of(feats, windows, idx, teacher=None):
    import torch

    L = max(len(windows[i].input_ids) for i in idx)
    h = torch.zeros((len(idx), L, HIDDEN), dtype=torch.float32)
    am = torch.zeros((len(idx), L), dtype=torch.long)
    lab = torch.full((len(idx), L), -100, dtype=torch.long)
    soft = torch.zeros((len(idx), L, len(ac.LABELS)), dtype=torch.float32) if teacher is not None else None
    kd = torch.zeros((len(idx), L), dtype=torch.bool)
    for j, i in enumerate(idx):
        n = len(windows[i].input_ids)
        h[j, :n] = torch.from_numpy(feats[i].astype("float32"))
        am[j, :n] = 1
        lab[j, :n] = torch.tensor(windows[i].labels)
        if teacher is not None:
            soft[j, :n] = torch.from_numpy(teacher[i].astype("float32"))
            for pos, _, _ in windows[i].targets:
                kd[j, pos] = True
    return h, am, lab, soft, kd


def predict(branch, feats, windows, batch_size=32):
    branch.eval()

    def run_batch(idx):
        h, am, *_ = batches_of(feats, windows, idx)
        return branch(h, am).float().numpy()

    return nc.predict_sorted([len(w.input_ids) for w in windows], run_batch, batch_size)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", default="main")
    ap.add_argument("--trunk-layers", type=int, default=4, help="NER encoder layers shared (L)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-4, help="branch layers")
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--teacher", type=Path,
                    help="a whole attribution model.onnx whose logits the branch also learns (distillation)")
    ap.add_argument("--alpha", type=float, default=0.5, help="weight of the distillation loss")
    ap.add_argument("--temperature", type=float, default=2.0)
    ap.add_argument("--news", type=int, default=0,
                    help="with --teacher: also learn the teacher's labels on N unlabelled news articles")
    ap.add_argument("--max-train-docs", type=int, default=0)
    ap.add_argument("--max-dev-docs", type=int, default=0)
    args = ap.parse_args()
    if not (ac.POLNEAR_DIR / "train.jsonl").exists():
        print(f"skipped: {ac.POLNEAR_DIR} is absent (see ../shared/data/README.md)")
        return

    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    work = nc.CACHE / "attribution_branch" / args.run
    work.mkdir(parents=True, exist_ok=True)
    base = nc.base_dir()
    branch = build_branch(args.trunk_layers, base)
    tok = nc.load_tokenizer(base / "tokenizer.json")
    dev_w, dev_d = windows_of(ac.POLNEAR_DIR / "dev.jsonl", tok, args.max_dev_docs)
    train_w, _ = windows_of(ac.POLNEAR_DIR / "train.jsonl", tok, args.max_train_docs)
    log(f"{len(train_w)} train windows ({sum(len(w.input_ids) for w in train_w)} tokens), {len(dev_w)} dev windows")
    sess = trunk_session(args.trunk_layers, work, args.threads)
    suffix = f"{args.max_train_docs}-{args.max_dev_docs}"
    train_f = nc.window_outputs(sess, train_w, work / f"train_features_{suffix}.npz", "features")
    dev_f = nc.window_outputs(sess, dev_w, work / f"dev_features_{suffix}.npz", "features")
    teacher = None
    if args.teacher:
        teacher_sess = nc.ort_session(args.teacher, args.threads, as_newsgrist=True)
        teacher = nc.window_outputs(teacher_sess, train_w, work / f"train_teacher_{suffix}.npz", "teacher")
        if args.news:
            news_w, _ = windows_of(nc.news_rows(args.news, 2000, args.seed), tok)
            log(f"{args.news} news articles: {len(news_w)} windows ({sum(len(w.input_ids) for w in news_w)} tokens)")
            train_f += nc.window_outputs(sess, news_w, work / f"news_features_{args.news}.npz", "features")
            teacher += nc.window_outputs(teacher_sess, news_w, work / f"news_teacher_{args.news}.npz", "teacher")
            train_w += news_w
    log("features ready")
    n = init_from_ner(branch, args.trunk_layers)
    log(f"branch: {6 - args.trunk_layers} layers from the NER encoder ({n} tensors), head new")

    head = [p for k, p in branch.named_parameters() if k.startswith("classifier")]
    body_decay = [p for k, p in branch.named_parameters()
                  if not k.startswith("classifier") and not (k.endswith("bias") or "LayerNorm" in k)]
    body_plain = [p for k, p in branch.named_parameters()
                  if not k.startswith("classifier") and (k.endswith("bias") or "LayerNorm" in k)]
    opt = torch.optim.AdamW([{"params": body_decay, "lr": args.lr, "weight_decay": args.weight_decay},
                             {"params": body_plain, "lr": args.lr, "weight_decay": 0.0},
                             {"params": head, "lr": args.head_lr, "weight_decay": 0.0}])
    steps_per_epoch = math.ceil(len(train_w) / args.batch_size)
    sched, warm = nc.warmup_linear_schedule(opt, steps_per_epoch * args.epochs, args.warmup)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    lengths = [len(w.input_ids) for w in train_w]
    best, history = -1.0, []
    for epoch in range(args.epochs):
        branch.train()
        t0 = time.time()
        total, count = 0.0, 0
        for step, b in enumerate(nc.bucketed_batches(lengths, args.batch_size, args.seed, epoch)):
            h, am, lab, soft, kd = batches_of(train_f, train_w, b, teacher)
            logits = branch(h, am)
            labelled = bool((lab != -100).any())
            loss = loss_fn(logits.view(-1, logits.size(-1)), lab.view(-1)) if labelled else logits.sum() * 0
            if soft is not None and bool(kd.any()):
                t = args.temperature
                student = torch.log_softmax(logits[kd] / t, -1)
                target = torch.softmax(soft[kd] / t, -1)
                distill = torch.nn.functional.kl_div(student, target, reduction="batchmean") * t * t
                loss = (1 - args.alpha) * loss + args.alpha * distill if labelled else distill
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(branch.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss)
            count += 1
            if step % 100 == 0:
                log(f"  epoch {epoch + 1} step {step}/{steps_per_epoch} loss {total / count:.4f}")
        res = ac.evaluate_logits(dev_w, predict(branch, dev_f, dev_w), dev_d, True)
        history.append({"epoch": epoch + 1, "loss": total / count, "minutes": (time.time() - t0) / 60, "dev": res})
        log(f"EPOCH {epoch + 1} ({(time.time() - t0) / 60:.1f} min) loss {total / count:.4f} | {ac.summary(res)}")
        if res["mean_overlap_f1"] > best:
            best = res["mean_overlap_f1"]
            nc.save_atomic({"model": branch.state_dict(), "epoch": epoch + 1, "dev": res, "args": vars(args)},
                           work / "best.pt")
        nc.write_json(work / "history.json", {"args": {k: str(v) for k, v in vars(args).items()},
                                              "best_mean_overlap_f1": best, "history": history})
    log(f"done: best dev mean overlap F1 {best:.2f}")


if __name__ == "__main__":
    main()
