"""Shared code for the newsgrist relation model (issue #7): KBP37 and CrossRE readers,
entity-marker encoding, the two-head pair classifier and the scorers.

Encoding (mirrored in Rust by src/relations/encode.rs): the sentence text is tokenized
without special tokens; every entity of the sentence is wrapped in marker tokens
([unused1] before its first subword, [unused2] after its last); the sequence is
[CLS] ... [SEP]. A pair (head, tail) is represented by the encoder states at the two
entities' opening markers, concatenated. One encoder pass serves every pair of the
sentence, which is what keeps the relation stage cheap next to NER.

Heads: `kbp` scores an ordered pair over KBP37's 18 relation types + NONE, where type r
means r(head, tail); `crossre` scores it over CrossRE's 17 labels + NONE.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import ner_common as nc

KBP_DIR = nc.SHARED / "data" / "kbp37"
CROSSRE_DIR = nc.SHARED / "data" / "crossre"

START_ID, END_ID = 2, 3          # [unused1], [unused2] in the BERT uncased vocabulary
# Typed markers (--typed-markers): an entity whose NER type is known opens with its type's
# marker, [unused3]..[unused6]; an entity without one keeps [unused1].
TYPED_START_IDS = {"PER": 4, "ORG": 5, "LOC": 6, "MISC": 7}
NER_CACHE = nc.REPO / ".cache" / "relation_ner.json"   # scripts/type_relation_entities.py
MAX_LENGTH = 192                 # subwords per sentence window, markers and [CLS]/[SEP] included
NONE = "NONE"

KBP_TYPES = [
    "org:alternate_names", "org:city_of_headquarters", "org:country_of_headquarters",
    "org:founded", "org:founded_by", "org:members", "org:stateorprovince_of_headquarters",
    "org:subsidiaries", "org:top_members/employees", "per:alternate_names",
    "per:cities_of_residence", "per:countries_of_residence", "per:country_of_birth",
    "per:employee_of", "per:origin", "per:spouse", "per:stateorprovinces_of_residence",
    "per:title",
]
KBP_LABELS = [NONE] + KBP_TYPES
CROSSRE_TYPES = [
    "artifact", "cause-effect", "compare", "general-affiliation", "named", "opposite",
    "origin", "part-of", "physical", "related-to", "role", "social", "temporal", "topic",
    "type-of", "usage", "win-defeat",
]
CROSSRE_LABELS = [NONE] + CROSSRE_TYPES
TASKS = ["kbp", "crossre"]


@dataclass
class Sentence:
    """Plain text, entity char spans, and gold relations over ordered entity pairs."""
    text: str
    entities: list[tuple[int, int]]
    gold: dict[tuple[int, int], str]      # (head, tail) entity index -> label (no NONE)
    task: str
    key: str = ""
    kbp_gold: str = ""                    # the raw KBP37 label, e.g. per:title(e2,e1)
    types: list = field(default_factory=list)  # NER type per entity (None: unknown); empty: untyped


@dataclass
class Encoded:
    input_ids: list[int]
    shape_ids: list[int]
    starts: list[int]                     # opening-marker position per entity (-1: cropped)
    pairs: list[tuple[int, int, int]] = field(default_factory=list)  # (head, tail, label id)


def words_to_text(words: list[str]):
    """Join words with single spaces; return the text and each word's char span."""
    spans, pos = [], 0
    for w in words:
        spans.append((pos, pos + len(w)))
        pos += len(w) + 1
    return " ".join(words), spans


# ---------------------------------------------------------------------------
# readers
# ---------------------------------------------------------------------------
def read_kbp37(path: Path) -> list[Sentence]:
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line or "\t" not in line:
            i += 1
            continue
        key, body = line.split("\t", 1)
        label = lines[i + 1].strip() if i + 1 < len(lines) else "no_relation"
        i += 2
        toks = body.strip().split()
        if toks and toks[0] == '"':
            toks = toks[1:]
        if toks and toks[-1] == '"':
            toks = toks[:-1]
        words, marks = [], {}
        for t in toks:
            if t in ("<e1>", "<e2>"):
                marks[t[1:3]] = [len(words), None]
            elif t in ("</e1>", "</e2>"):
                marks[t[2:4]][1] = len(words)
            else:
                words.append(t)
        if set(marks) != {"e1", "e2"} or any(v[1] is None or v[1] <= v[0] for v in marks.values()):
            continue
        text, wspans = words_to_text(words)
        ents = []
        for name in ("e1", "e2"):
            a, b = marks[name]
            ents.append((wspans[a][0], wspans[b - 1][1]))
        gold = {}
        if label != "no_relation":
            rel, args = label[:label.index("(")], label[label.index("("):]
            gold[(0, 1) if args == "(e1,e2)" else (1, 0)] = rel
        out.append(Sentence(text, ents, gold, "kbp", key, label))
    return out


def read_crossre(path: Path) -> list[Sentence]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        text, wspans = words_to_text(d["sentence"])
        ents, index = [], {}
        for s, e, _typ in d["ner"]:
            if (s, e) not in index:
                index[(s, e)] = len(ents)
                ents.append((wspans[s][0], wspans[e][1]))
        gold = {}
        for hs, he, ts, te, label, *_ in d["relations"]:
            h, t = index.get((hs, he)), index.get((ts, te))
            if h is None or t is None or h == t:
                continue
            gold.setdefault((h, t), label)
        out.append(Sentence(text, ents, gold, "crossre", d.get("doc_key", "")))
    return out


# ---------------------------------------------------------------------------
# cropping (what newsgrist's pipeline reads of a sentence)
# ---------------------------------------------------------------------------
# Context sizes in characters that `--crop-augment` draws from; None keeps the sentence.
CROP_CONTEXTS = [0, 8, 16, 24, 32, 40, 64, None]


def crop_sentence(s: Sentence, context: int | None) -> Sentence:
    """The part of `s` that newsgrist's relation stage reads (src/relations/candidates.rs,
    `reading_range`): from `context` characters before the first entity to `context` after
    the last, each end moved to the nearest space towards the entities so no word is cut.
    KBP37 and CrossRE texts are ASCII-spaced words, so characters stand for Rust's bytes
    closely enough for training."""
    if context is None or not s.entities:
        return s
    text = s.text
    first = min(a for a, _ in s.entities)
    last = max(b for _, b in s.entities)
    start = max(0, first - context)
    if start > 0:
        space = text.find(" ", start, first)
        start = first if space < 0 else space + 1
    end = min(len(text), last + context)
    if end < len(text):
        space = text.rfind(" ", last, end)
        end = last if space < 0 else space
    return Sentence(text[start:end], [(a - start, b - start) for a, b in s.entities], s.gold, s.task,
                    s.key, s.kbp_gold, s.types)


# ---------------------------------------------------------------------------
# encoding
# ---------------------------------------------------------------------------
def encode(tok, s: Sentence, all_pairs: bool) -> Encoded | None:
    """Entity-marker encoding of one sentence (see module doc). `all_pairs`: every ordered
    pair of entities gets a label (NONE where gold has none); otherwise only the pairs
    (0, 1) and (1, 0). Returns None when the entities do not fit in MAX_LENGTH."""
    enc = tok.encode(s.text, add_special_tokens=False)
    offs = enc.offsets
    n = len(enc.ids)
    tok_span = []
    for cs, ce in s.entities:
        first = next((k for k in range(n) if offs[k][1] > cs), n)
        last = max((k for k in range(n) if offs[k][0] < ce), default=-1)
        tok_span.append((first, last) if first <= last else None)
    opens, closes = {}, {}
    for e, sp in enumerate(tok_span):
        if sp is not None:
            opens.setdefault(sp[0], []).append(e)
            closes.setdefault(sp[1], []).append(e)
    ids, shapes, starts = [nc.CLS_ID], [0], [-1] * len(s.entities)
    for k in range(n):
        for e in opens.get(k, []):
            starts[e] = len(ids)
            typ = s.types[e] if s.types else None
            ids.append(TYPED_START_IDS.get(typ, START_ID))
            shapes.append(0)
        ids.append(enc.ids[k])
        a, b = offs[k]
        shapes.append(nc.casing_class(s.text[a:b]))
        for _ in closes.get(k, []):
            ids.append(END_ID)
            shapes.append(0)
    ids.append(nc.SEP_ID)
    shapes.append(0)
    if len(ids) > MAX_LENGTH:
        live = [p for p in starts if p >= 0]
        if not live:
            return None
        # a window of MAX_LENGTH - 2 content tokens from 16 before the first marker
        lo = max(1, min(live) - 16)
        hi = lo + MAX_LENGTH - 2
        if max(live) + 16 > hi:
            return None
        hi = min(hi, len(ids) - 1)
        ids = [nc.CLS_ID] + ids[lo:hi] + [nc.SEP_ID]
        shapes = [0] + shapes[lo:hi] + [0]
        starts = [p - lo + 1 if p >= 0 else -1 for p in starts]
    labels = KBP_LABELS if s.task == "kbp" else CROSSRE_LABELS
    out = Encoded(ids, shapes, starts)
    m = len(s.entities)
    cand = [(h, t) for h in range(m) for t in range(m) if h != t] if all_pairs else [(0, 1), (1, 0)]
    for h, t in cand:
        if starts[h] < 0 or starts[t] < 0:
            continue
        out.pairs.append((h, t, labels.index(s.gold.get((h, t), NONE))))
    return out


def entity_type(span: tuple[int, int], found: list) -> str | None:
    """The label of the NER entity covering most of `span`, if it covers at least half."""
    cs, ce = span
    best, label = 0, None
    for s, e, lab in found:
        overlap = min(ce, e) - max(cs, s)
        if overlap > best:
            best, label = overlap, lab
    return label if 2 * best >= ce - cs else None


def attach_types(sents: list[Sentence], cache: Path) -> int:
    """Fills `types` of every sentence from the NER cache written by
    scripts/type_relation_entities.py; returns the number of typed entities."""
    if not cache.exists():
        raise SystemExit(f"{cache} is missing: run scripts/type_relation_entities.py first")
    found = json.loads(cache.read_text(encoding="utf-8"))
    typed = 0
    for s in sents:
        ents = found.get(s.text, [])
        s.types = [entity_type(sp, ents) for sp in s.entities]
        typed += sum(t is not None for t in s.types)
    return typed


def collate(batch: list[Encoded], task_ids: list[int]):
    """Padded tensors plus the pair table: rows (batch row, head pos, tail pos) and the
    label and task id per pair."""
    import torch

    T = max(len(e.input_ids) for e in batch)
    B = len(batch)
    ids = torch.zeros((B, T), dtype=torch.long)
    am = torch.zeros((B, T), dtype=torch.long)
    sh = torch.zeros((B, T), dtype=torch.long)
    pairs, labels, tasks = [], [], []
    for r, e in enumerate(batch):
        L = len(e.input_ids)
        ids[r, :L] = torch.tensor(e.input_ids)
        am[r, :L] = 1
        sh[r, :L] = torch.tensor(e.shape_ids)
        for h, t, lab in e.pairs:
            pairs.append((r, e.starts[h], e.starts[t]))
            labels.append(lab)
            tasks.append(task_ids[r])
    tt = torch.zeros_like(ids)
    return (ids, am, tt, sh, torch.tensor(pairs, dtype=torch.long).view(-1, 3),
            torch.tensor(labels, dtype=torch.long), torch.tensor(tasks, dtype=torch.long))


# ---------------------------------------------------------------------------
# model
# ---------------------------------------------------------------------------
def build_model(base_dir: Path, load_base: bool = True):
    """MiniLM encoder + casing_v1 embedding + one linear head per task over the
    concatenated opening-marker states of (head, tail)."""
    import torch
    from torch import nn

    enc, config = nc.build_model(base_dir, use_shape=True, load_base=load_base, num_labels=1)
    H = config.hidden_size

    class PairModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = enc.bert
            self.shape_emb = enc.shape_emb
            self.dropout = nn.Dropout(config.hidden_dropout_prob)
            self.norm = nn.LayerNorm(2 * H)
            self.kbp = nn.Linear(2 * H, len(KBP_LABELS))
            self.crossre = nn.Linear(2 * H, len(CROSSRE_LABELS))
            for lin in (self.kbp, self.crossre):
                nn.init.normal_(lin.weight, std=0.02)
                nn.init.zeros_(lin.bias)

        def forward(self, input_ids, attention_mask, token_type_ids, shape_ids, pair_index):
            emb = self.bert.embeddings.word_embeddings(input_ids) + self.shape_emb(shape_ids)
            h = self.bert(inputs_embeds=emb, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state
            head = h[pair_index[:, 0], pair_index[:, 1]]
            tail = h[pair_index[:, 0], pair_index[:, 2]]
            x = self.norm(torch.cat([head, tail], dim=-1))
            x = self.dropout(x)
            return self.kbp(x), self.crossre(x)

    return PairModel(), config


# ---------------------------------------------------------------------------
# decoding and scoring
# ---------------------------------------------------------------------------
def kbp_decide(lp_12, lp_21, no_relation_bias: float = 0.0) -> str:
    """Directed KBP37 label for a sentence from the log-probabilities of the ordered pairs
    (e1, e2) and (e2, e1): r(e1,e2) scores lp_12[r] + lp_21[NONE], r(e2,e1) scores
    lp_21[r] + lp_12[NONE], no_relation scores lp_12[NONE] + lp_21[NONE] - no_relation_bias."""
    best, label = lp_12[0] + lp_21[0] - no_relation_bias, "no_relation"
    for i, r in enumerate(KBP_TYPES, start=1):
        a = lp_12[i] + lp_21[0]
        if a > best:
            best, label = a, f"{r}(e1,e2)"
        b = lp_21[i] + lp_12[0]
        if b > best:
            best, label = b, f"{r}(e2,e1)"
    return label


def kbp_scores(gold: list[str], pred: list[str]) -> dict:
    """KBP37's official measure: F1 per relation type (no_relation excluded) with the
    direction counted (a prediction is right only with the right arguments' order),
    macro-averaged over the types; micro-F1 too."""
    def typ(label):
        return None if label == "no_relation" else label.split("(")[0]

    per = {}
    tp_all = pp_all = gg_all = 0
    for r in KBP_TYPES:
        tp = sum(1 for g, p in zip(gold, pred) if g == p and typ(g) == r)
        pp = sum(1 for p in pred if typ(p) == r)
        gg = sum(1 for g in gold if typ(g) == r)
        prec = tp / pp if pp else 0.0
        rec = tp / gg if gg else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[r] = {"precision": prec, "recall": rec, "f1": f1, "support": gg}
        tp_all, pp_all, gg_all = tp_all + tp, pp_all + pp, gg_all + gg
    mp = tp_all / pp_all if pp_all else 0.0
    mr = tp_all / gg_all if gg_all else 0.0
    return {
        "macro_f1": sum(v["f1"] for v in per.values()) / len(per),
        "micro_f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0,
        "accuracy": sum(1 for g, p in zip(gold, pred) if g == p) / max(1, len(gold)),
        "per_type": per,
    }


def triple_scores(gold: set, pred: set) -> dict:
    """Micro P/R/F1 over (sentence, head, tail, label) triples."""
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "gold": len(gold), "predicted": len(pred)}


def shuffled(items: list, seed: int) -> list:
    items = list(items)
    random.Random(seed).shuffle(items)
    return items
