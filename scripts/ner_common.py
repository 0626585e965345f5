"""Shared code for the newsgrist NER model (issue #3): data, casing feature,
document-context windows, model wrapper and conlleval-style scoring.

Used by scripts/train_ner.py and scripts/export_ner_onnx.py. Everything here
must stay reproducible in Rust (see models/ner/README.md).
"""
from __future__ import annotations

import json
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRIST_SHARED", REPO.parent / "shared"))
CONLL_DIR = SHARED / "data" / "conll2003"
CACHE = REPO / ".cache"

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
LABEL2ID = {l: i for i, l in enumerate(LABELS)}
ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"]

MAX_LENGTH = 256          # subwords per window, including [CLS] and [SEP]
MAX_CONTENT = MAX_LENGTH - 2
TARGET_BUDGET = 128       # max subwords of labelled (target) sentences per window
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0

# ---------------------------------------------------------------------------
# casing_v1: the shape_ids feature
# ---------------------------------------------------------------------------
NUM_SHAPES = 7
CASING_V1 = (
    "casing_v1: one class per subword token, computed only from the token's own span "
    "text = original (cased, un-normalised) input text[start:end] where (start, end) is the "
    "token's offset from the tokenizer (Python tokenizers: char offsets; Rust tokenizers: "
    "byte offsets into the &str). Classes: "
    "0 = special or padding token ([CLS], [SEP], [PAD]) or empty span; "
    "5 = span contains an ASCII digit '0'..'9' (checked first); "
    "otherwise let U = number of chars with the Unicode Uppercase property "
    "(Python str.isupper() on the single char, Rust char::is_uppercase) and "
    "L = number of chars with the Unicode Lowercase property (Python str.islower() on the "
    "single char, Rust char::is_lowercase): "
    "6 = U == 0 and L == 0 (no cased letter: punctuation, symbols, caseless scripts); "
    "1 = U == 0 (all cased letters lowercase); "
    "3 = L == 0 (all cased letters uppercase, includes a single uppercase letter such as 'A'); "
    "2 = the first char of the span is uppercase and U == 1 (Title case, e.g. 'Donald', 'Mc'); "
    "4 = anything else (mixed case, e.g. 'iPhone', 'McDonald' as one span)."
)


def casing_class(span: str) -> int:
    """casing_v1 class of one token span of the ORIGINAL text (see CASING_V1)."""
    if span == "":
        return 0
    if any("0" <= c <= "9" for c in span):
        return 5
    upper = sum(1 for c in span if c.isupper())
    lower = sum(1 for c in span if c.islower())
    if upper == 0 and lower == 0:
        return 6
    if upper == 0:
        return 1
    if lower == 0:
        return 3
    if span[0].isupper() and upper == 1:
        return 2
    return 4


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------
def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Returns documents; each document is a list of (words, tags) sentences."""
    docs: list[list[tuple[list[str], list[str]]]] = []
    cur_doc: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush_sentence():
        nonlocal words, tags
        if words:
            cur_doc.append((words, tags))
        words, tags = [], []

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush_sentence()
                continue
            parts = line.split()
            if parts[0] == "-DOCSTART-":
                flush_sentence()
                if cur_doc:
                    docs.append(cur_doc)
                cur_doc = []
                continue
            words.append(parts[0])
            tags.append(parts[-1])
    flush_sentence()
    if cur_doc:
        docs.append(cur_doc)
    return docs


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    # tokenizer.json of the base ships truncation=128 and fixed padding=128: switch both off
    tok.no_truncation()
    tok.no_padding()
    return tok


@dataclass
class SentTok:
    ids: list[int]
    shapes: list[int]
    word_of_first: list[int]   # word index if token is the first subword of a word, else -1
    n_words: int
    tags: list[str]


def tokenize_sentence(tok, words: list[str], tags: list[str]) -> SentTok:
    """Join words with single spaces, tokenize the joined string, and map tokens
    back to words through char offsets (same path as raw text in Rust)."""
    text = " ".join(words)
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    # char -> word index
    char2word = [-1] * len(text)
    for wi, (s, w) in enumerate(zip(starts, words)):
        for c in range(s, s + len(w)):
            char2word[c] = wi
    enc = tok.encode(text, add_special_tokens=False)
    ids, shapes, wof = [], [], []
    seen = set()
    for tid, (s, e) in zip(enc.ids, enc.offsets):
        ids.append(tid)
        shapes.append(casing_class(text[s:e]))
        wi = char2word[s] if s < len(text) and e > s else -1
        if wi >= 0 and wi not in seen:
            seen.add(wi)
            wof.append(wi)
        else:
            wof.append(-1)
    return SentTok(ids, shapes, wof, len(words), tags)


@dataclass
class Window:
    input_ids: list[int]
    shape_ids: list[int]
    labels: list[int]                 # -100 outside target first subwords
    targets: list[tuple[int, int, int]] = field(default_factory=list)  # (token pos, sent id, word idx)


def build_windows(doc_sents: list[SentTok], sent_offset: int, target_budget: int = TARGET_BUDGET,
                  max_content: int = MAX_CONTENT, context: bool = True) -> list[Window]:
    """Document-context windows: [CLS] left-context target-sentences right-context [SEP].
    Labels only on first subwords of target sentences. `sent_offset` = global id of the
    document's first sentence (for mapping predictions back)."""
    ids: list[int] = []
    shapes: list[int] = []
    lab: list[int] = []
    tgt: list[tuple[int, int] | None] = []
    sent_bounds = []
    for si, st in enumerate(doc_sents):
        a = len(ids)
        ids += st.ids
        shapes += st.shapes
        for w in st.word_of_first:
            if w >= 0:
                lab.append(LABEL2ID[st.tags[w]] if st.tags else -100)
                tgt.append((sent_offset + si, w))
            else:
                lab.append(-100)
                tgt.append(None)
        sent_bounds.append((a, len(ids)))
    n = len(ids)

    # target chunks: whole sentences grouped up to target_budget; over-long sentences split
    chunks: list[tuple[int, int]] = []
    if context and n <= max_content:
        chunks = [(0, n)]
    else:
        budget = target_budget if context else max_content
        cur_a, cur_b = None, None
        for a, b in sent_bounds:
            if b - a > budget:
                if cur_a is not None:
                    chunks.append((cur_a, cur_b))
                    cur_a = None
                step = min(budget, max_content)
                for x in range(a, b, step):
                    chunks.append((x, min(b, x + step)))
                continue
            if cur_a is None:
                cur_a, cur_b = a, b
            elif b - cur_a <= budget:
                cur_b = b
            else:
                chunks.append((cur_a, cur_b))
                cur_a, cur_b = a, b
            if not context:  # one sentence per window
                chunks.append((cur_a, cur_b))
                cur_a = None
        if cur_a is not None:
            chunks.append((cur_a, cur_b))

    out = []
    for a, b in chunks:
        if b <= a:
            continue
        if context:
            budget = max_content - (b - a)
            left = min(a, budget // 2)
            right = min(n - b, budget - left)
            left = min(a, budget - right)
        else:
            left = right = 0
        s, e = a - left, b + right
        w_ids = [CLS_ID] + ids[s:e] + [SEP_ID]
        w_sh = [0] + shapes[s:e] + [0]
        w_lab = [-100] * len(w_ids)
        targets = []
        for p in range(a, b):
            if tgt[p] is not None:
                w_lab[p - s + 1] = lab[p]
                targets.append((p - s + 1, tgt[p][0], tgt[p][1]))
        out.append(Window(w_ids, w_sh, w_lab, targets))
    return out


def prepare(path: Path, tok, target_budget=TARGET_BUDGET, context=True):
    """Returns (windows, sentences) where sentences is the flat list of SentTok."""
    docs = read_conll(path)
    windows, sents = [], []
    for doc in docs:
        doc_sents = [tokenize_sentence(tok, w, t) for (w, t) in doc]
        windows += build_windows(doc_sents, len(sents), target_budget, context=context)
        sents += doc_sents
    return windows, sents


# ---------------------------------------------------------------------------
# model
# ---------------------------------------------------------------------------
def keep_encoder_layers(model, config, keep: list[int]) -> None:
    """Cut the encoder down to the layers `keep` (in that order): a smaller, faster model to
    fine-tune or distil from the full one."""
    from torch import nn

    model.bert.encoder.layer = nn.ModuleList([model.bert.encoder.layer[i] for i in keep])
    config.num_hidden_layers = len(keep)


def distillation_loss(student_logits, teacher_logits, labels, temperature: float):
    """KL(teacher || student) on softened distributions over the labelled positions, scaled by
    T^2 so that its gradients keep the size of the cross-entropy's (Hinton et al. 2015)."""
    import torch.nn.functional as F

    mask = labels.view(-1) != -100
    width = student_logits.size(-1)
    student = student_logits.float().view(-1, width)[mask] / temperature
    teacher = teacher_logits.float().view(-1, width)[mask] / temperature
    return F.kl_div(F.log_softmax(student, -1), F.softmax(teacher, -1), reduction="batchmean") * temperature ** 2


def build_model(base_dir: Path, use_shape: bool = True, load_base: bool = True,
                num_labels: int | None = None):
    """MiniLM encoder + casing_v1 shape embedding + linear head over `num_labels`
    (default: the NER label set)."""
    import torch
    from torch import nn
    from transformers import BertConfig, BertModel

    config = BertConfig.from_json_file(str(base_dir / "config.json"))
    config._attn_implementation = "eager"

    class NerModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = BertModel(config, add_pooling_layer=False)
            self.use_shape = use_shape
            self.shape_emb = nn.Embedding(NUM_SHAPES, config.hidden_size)
            nn.init.zeros_(self.shape_emb.weight)
            self.dropout = nn.Dropout(config.hidden_dropout_prob)
            self.classifier = nn.Linear(config.hidden_size, num_labels or len(LABELS))
            nn.init.normal_(self.classifier.weight, std=0.02)
            nn.init.zeros_(self.classifier.bias)

        def forward(self, input_ids, attention_mask, token_type_ids, shape_ids):
            emb = self.bert.embeddings.word_embeddings(input_ids)
            if self.use_shape:
                emb = emb + self.shape_emb(shape_ids)
            # BertEmbeddings adds position + token_type embeddings and LayerNorm to inputs_embeds
            h = self.bert(inputs_embeds=emb, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state
            return self.classifier(self.dropout(h))

    model = NerModel()
    if load_base:
        from safetensors.torch import load_file

        sd = load_file(str(base_dir / "model.safetensors"))
        sd = {k: v for k, v in sd.items() if not k.startswith("pooler.")}
        missing, unexpected = model.bert.load_state_dict(sd, strict=False)
        missing = [m for m in missing if "position_ids" not in m]
        assert not missing, missing
    return model, config


def add_run_args(ap):
    """Options every training script takes."""
    ap.add_argument("--max-steps", type=int, default=0, help="debug: stop after N steps")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--bf16", action="store_true", help="bf16 autocast for the training forward pass")


def start_run(args, runs: str):
    """Threads and seeds from `args`; returns (run directory .cache/<runs>/<args.run>,
    base encoder directory, tokenizer)."""
    import random

    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    out_dir = CACHE / runs / args.run
    out_dir.mkdir(parents=True, exist_ok=True)
    base = base_dir()
    return out_dir, base, load_tokenizer(base / "tokenizer.json")


def init_from_ner(model, init: str, log) -> str:
    """With `init` = 'ner:<run>', loads the encoder and casing embedding of
    .cache/ner_runs/<run>/best.pt into `model` (its own heads stay new); returns what it
    started from ('base' when `init` is 'base' or the checkpoint is missing)."""
    import torch

    if not init.startswith("ner:"):
        return "base"
    p = CACHE / "ner_runs" / init[4:] / "best.pt"
    if not p.exists():
        log(f"no {p}: starting from the base encoder")
        return "base"
    sd = torch.load(p, map_location="cpu", weights_only=False)["model"]
    sd = {k: v for k, v in sd.items() if k.startswith(("bert.", "shape_emb."))}
    _, unexpected = model.load_state_dict(sd, strict=False)
    assert not unexpected, unexpected
    return str(p.relative_to(REPO))


def optimizer_step(model, opt, sched, loss):
    """Backward pass, gradient clipping at norm 1, optimizer and schedule step."""
    import torch

    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()


def save_atomic(obj, path: Path):
    """torch.save through a temporary file, so a killed run never leaves half a checkpoint."""
    import torch

    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def resume(out_dir: Path, model, opt, sched, log):
    """Restores model, optimizer and schedule from <out_dir>/last.pt; returns the
    checkpoint (for the script's own keys), or None when there is none."""
    import torch

    path = out_dir / "last.pt"
    if not path.exists():
        return None
    st = torch.load(path, map_location="cpu", weights_only=False)
    model.load_state_dict(st["model"])
    opt.load_state_dict(st["opt"])
    sched.load_state_dict(st["sched"])
    log(f"resumed at epoch {st['epoch']} step {st['step']}")
    return st


class Progress:
    """Training progress, logged every `every` steps: mean loss of the epoch, learning
    rate, tokens/s, s/step and time left, counted from this process's first step (so
    the estimate holds after a resume)."""

    def __init__(self, total: int, step: int, log, every: int = 20):
        import time

        self.total, self.step0, self.log, self.every = total, step, log, every
        self.tokens, self.t0 = 0, time.time()

    def update(self, epoch: int, step: int, tokens: int, mean_loss: float, lr: float):
        import time

        self.tokens += tokens
        if step % self.every:
            return
        dt = time.time() - self.t0
        per_step = dt / max(1, step - self.step0)
        self.log(f"ep {epoch + 1} step {step}/{self.total} loss {mean_loss:.4f} lr {lr:.2e} "
                 f"{self.tokens / dt:.0f} tok/s ({per_step:.2f} s/step) "
                 f"ETA train {(self.total - step) * per_step / 60:.1f} min")


def make_optimizer(model, lr: float, head_lr: float, weight_decay: float,
                   head_prefixes: tuple = ("classifier", "shape_emb")):
    """AdamW with three groups: encoder weights (decayed), encoder biases and LayerNorms
    (not decayed), and the new parts (`head_prefixes`: classifier, casing embedding) at
    `head_lr`."""
    import torch

    named = list(model.named_parameters())
    head = [p for n, p in named if n.startswith(head_prefixes)]
    no_decay = ("bias", "LayerNorm")
    enc_decay = [p for n, p in named if n.startswith("bert") and not any(x in n for x in no_decay)]
    enc_nodecay = [p for n, p in named if n.startswith("bert") and any(x in n for x in no_decay)]
    return torch.optim.AdamW([
        {"params": enc_decay, "lr": lr, "weight_decay": weight_decay},
        {"params": enc_nodecay, "lr": lr, "weight_decay": 0.0},
        {"params": head, "lr": head_lr, "weight_decay": 0.0},
    ])


def warmup_linear_schedule(opt, total: int, warmup: float):
    """Linear warm-up over `warmup` of the `total` steps, then linear decay to 0.
    Returns (scheduler, warm-up steps)."""
    import torch

    warm = max(1, int(total * warmup))

    def lr_lambda(step):
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (total - step) / max(1, total - warm))

    return torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda), warm


def bucketed_batches(lengths: list[int], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Example indices in batches for one epoch, from each example's length in tokens:
    shuffled, sorted by length inside chunks of 50 batches (little padding), batches shuffled.
    Reproducible per (seed, epoch)."""
    import random

    rng = random.Random(seed * 1000 + epoch)
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    chunk = batch_size * 50
    out = []
    for k in range(0, len(idx), chunk):
        part = sorted(idx[k:k + chunk], key=lambda i: lengths[i])
        out += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


def predict_sorted(lengths: list[int], run_batch, batch_size: int = 32):
    """Per example, the rows of `run_batch(indices)` (a numpy [batch, length, labels] array
    for the examples `indices`, padded) cut to its length; batches of similar lengths, in
    inference mode."""
    import torch

    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    logits = [None] * len(lengths)
    with torch.inference_mode():
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            out = run_batch(idx)
            for j, i in enumerate(idx):
                logits[i] = out[j, :lengths[i]]
    return logits


def predict_windows(forward, windows: list[Window], batch_size: int = 32):
    """Logits of every window (numpy, unpadded rows) from `forward(ids, am, tt, sh)`."""
    def run_batch(idx):
        ids, am, tt, sh, _ = collate([windows[i] for i in idx])
        return forward(ids, am, tt, sh).float().numpy()

    return predict_sorted([len(w.input_ids) for w in windows], run_batch, batch_size)


def collate(batch: list[Window]):
    import torch

    L = max(len(w.input_ids) for w in batch)
    B = len(batch)
    ids = torch.zeros((B, L), dtype=torch.long)
    sh = torch.zeros((B, L), dtype=torch.long)
    am = torch.zeros((B, L), dtype=torch.long)
    lab = torch.full((B, L), -100, dtype=torch.long)
    for i, w in enumerate(batch):
        n = len(w.input_ids)
        ids[i, :n] = torch.tensor(w.input_ids)
        sh[i, :n] = torch.tensor(w.shape_ids)
        am[i, :n] = 1
        lab[i, :n] = torch.tensor(w.labels)
    return ids, am, torch.zeros_like(ids), sh, lab


# ---------------------------------------------------------------------------
# decoding + scoring (conlleval semantics)
# ---------------------------------------------------------------------------
def _allowed(prev: str, cur: str) -> bool:
    if not cur.startswith("I-"):
        return True
    return prev != "O" and prev[2:] == cur[2:]


def viterbi_iob2(logprobs, labels: list[str] | None = None) -> list[int]:
    """Best label sequence under IOB2 constraints (no O->I-X, no B-X/I-X -> I-Y, no start I-X).
    `labels`: the label set (default: the NER LABELS)."""
    import numpy as np

    labels = LABELS if labels is None else labels
    n = len(logprobs)
    if n == 0:
        return []
    K = len(labels)
    trans = np.full((K, K), -1e9)
    for i, p in enumerate(labels):
        for j, c in enumerate(labels):
            if _allowed(p, c):
                trans[i, j] = 0.0
    start = np.array([0.0 if not l.startswith("I-") else -1e9 for l in labels])
    score = start + logprobs[0]
    back = []
    for t in range(1, n):
        cand = score[:, None] + trans
        bp = cand.argmax(0)
        score = cand.max(0) + logprobs[t]
        back.append(bp)
    best = [int(score.argmax())]
    for bp in reversed(back):
        best.append(int(bp[best[-1]]))
    return best[::-1]


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval chunk extraction: B-X starts; I-X starts a chunk unless it continues X."""
    out = set()
    start, typ = None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if typ is not None:
                out.add((start, i, typ))
            if t == "O":
                start, typ = None, None
            else:
                start, typ = i, t[2:]
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Strict entity-level P/R/F1 per type and overall (micro), conlleval semantics."""
    tp = {t: 0 for t in ENTITY_TYPES}
    np_ = dict(tp)
    ng = dict(tp)
    for g, p in zip(gold, pred):
        gc, pc = chunks(g), chunks(p)
        for c in gc:
            ng[c[2]] = ng.get(c[2], 0) + 1
        for c in pc:
            np_[c[2]] = np_.get(c[2], 0) + 1
        for c in gc & pc:
            tp[c[2]] += 1

    def prf(a, b, c):
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
                "support": c}

    res = {t: prf(tp[t], np_[t], ng[t]) for t in ENTITY_TYPES}
    res["overall"] = prf(sum(tp.values()), sum(np_.values()), sum(ng.values()))
    return res


def decode_predictions(windows: list[Window], logits_list, sents: list[SentTok]):
    """logits_list[i]: numpy array [len(window_i), num_labels]. Returns (argmax, viterbi) tag lists."""
    import numpy as np

    word_lp = [[None] * s.n_words for s in sents]
    for w, lg in zip(windows, logits_list):
        lg = lg - lg.max(-1, keepdims=True)
        lp = lg - np.log(np.exp(lg).sum(-1, keepdims=True))
        for pos, si, wi in w.targets:
            word_lp[si][wi] = lp[pos]
    K = len(LABELS)
    o_row = np.full(K, -1e4)
    o_row[0] = 0.0
    arg, vit = [], []
    for rows in word_lp:
        m = np.stack([r if r is not None else o_row for r in rows]) if rows else np.zeros((0, K))
        arg.append([LABELS[int(i)] for i in m.argmax(-1)] if len(m) else [])
        vit.append([LABELS[i] for i in viterbi_iob2(m)])
    return arg, vit


def write_json(path: Path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(obj, indent=2))
    tmp.replace(path)


def base_dir() -> Path:
    p = CACHE / "minilm_dir.txt"
    if p.exists():
        return Path(p.read_text().strip())
    raise SystemExit("run scripts/setup-train-env.sh first (.cache/minilm_dir.txt missing)")


# ---------------------------------------------------------------------------
# ONNX Runtime: sessions, per-window outputs, unlabelled news
# ---------------------------------------------------------------------------
def ort_session(path: Path, threads: int, as_newsgrist: bool = False):
    """An ONNX Runtime session on `threads` intra-op threads. `as_newsgrist`: opened as
    src/model/session.rs opens one, without SkipLayerNormFusion (its fused kernel is slow on
    int8 graphs and rounds differently, which int8 activations amplify)."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    if as_newsgrist:
        so.add_session_config_entry("optimization.disable_specified_optimizers", "SkipLayerNormFusion")
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def window_outputs(sess, windows: list[Window], cache: Path, what: str):
    """The session's first output for every window, one window per call as newsgrist runs
    them, stored fp16 in `cache` (read back when it holds as many windows)."""
    import numpy as np

    if cache.exists():
        z = np.load(cache)
        if len(z.files) == len(windows):
            return [z[f"w{i}"] for i in range(len(windows))]
    out = []
    t0 = time.time()
    for i, w in enumerate(windows):
        ids = np.array([w.input_ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids),
                 "shape_ids": np.array([w.shape_ids], dtype=np.int64)}
        out.append(sess.run(None, feeds)[0][0].astype(np.float16))
        if i % 1000 == 0:
            print(time.strftime("%H:%M:%S"), f"  {what} {i}/{len(windows)} ({time.time() - t0:.0f}s)", flush=True)
    np.savez(cache, **{f"w{i}": a for i, a in enumerate(out)})
    return out


def news_rows(n: int, skip: int, seed: int) -> list[dict]:
    """n articles of ../shared/data/news: a seeded sample after the first `skip` (scripts/bench
    reads the first 2,000), for distillation: teachers label them."""
    path = SHARED / "data" / "news" / "news_articles.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} is absent (see ../shared/data/README.md)")
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for k, line in enumerate(f) if k >= skip and line.strip()]
    rows = [{"text": r["text"]} for r in rows if r.get("text")]
    random.Random(seed).shuffle(rows)
    return rows[:n]
