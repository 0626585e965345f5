"""Shared code for the newsgrist attribution model (issue #5): PolNeAR data,
raw-text preprocessing that mirrors the Rust runner, word labels, windows,
decoding and span scoring.

Used by scripts/train_attribution.py and scripts/export_ner_onnx.py --task attribution.
Unlike the NER data (CoNLL words joined with spaces), PolNeAR rows are raw article
text with character offsets, so the preprocessing here is the one the Rust runner
(src/model/runner.rs) applies to raw text:

1. the WHOLE text is tokenized once (tokenizer.json, no truncation/padding, no special
   tokens; ids of special tokens spelled in the text become [UNK], as encode.rs does);
2. casing_v1 shape ids from each token's span of the original text (ner_common.casing_class);
3. sentences (approximation of src/text/sentences.rs, see split_sentences) -> token ranges
   (a sentence starts at its first token: partition_point(start < sentence.start));
4. windows = src/model/windows.rs plan_windows (254 content tokens, target budget 128,
   whole sentences packed greedily, context on both sides) -- identical to
   ner_common.build_windows for the same sentence token ranges;
5. words = src/model/words.rs WordRule::Conll (whitespace runs of touching tokens,
   leading/trailing punctuation and possessive 's split off, "U.S."/"W." keep their dot);
   each word is labelled by its first token.

Labels (one layer, IOB2): O, B/I-SOURCE, B/I-CUE, B/I-CONTENT. Overlapping spans of
different attributions (a nested attribution inside another's content) are resolved per
character by priority CUE > SOURCE > CONTENT; a word takes the role covering most of its
characters (ties: the higher priority, any role beats O). Every piece of a multi-piece
span (discontinuous content around "he said", lists) is its own span.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import ner_common as nc

POLNEAR_DIR = nc.SHARED / "data" / "polnear"

LABELS = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"]
LABEL2ID = {l: i for i, l in enumerate(LABELS)}
ROLES = ["source", "cue", "content"]
ROLE_TAG = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}
PRIORITY = {"cue": 3, "source": 2, "content": 1}   # higher wins where spans overlap
UNK_ID = 100
SPECIAL_IDS = {0, 100, 101, 102, 103}              # [PAD] [UNK] [CLS] [SEP] [MASK]


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------
def load_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_spans(row: dict) -> dict[str, list[tuple[int, int]]]:
    """Every piece of each role over all attributions of the row, deduplicated by
    (start, end), sorted; empty pieces dropped."""
    out = {r: set() for r in ROLES}
    for att in row["attributions"]:
        for role in ROLES:
            for piece in att.get(role) or []:
                s, e = int(piece[0]), int(piece[1])
                if e > s:
                    out[role].add((s, e))
    return {r: sorted(v) for r, v in out.items()}


# ---------------------------------------------------------------------------
# sentences (Python approximation of src/text/sentences.rs; only used to pack windows)
# ---------------------------------------------------------------------------
_TITLES = set("mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr gov sen rep rev fr st mt "
              "pres supt insp det hon messrs brig lieut cdr".split())
_ABBREV = set("no nos vs v approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e "
              "cf fig ft".split())
_STARTERS = set("the a an he she it they we i you but and or so in on at this that these those there his "
                "her their its our when while after before if as however meanwhile police officials some "
                "many no one two three last according".split())
_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Char ranges of sentences, trimmed. Lines are boundaries; inside a line, a break
    after . ! ? (plus closing quotes/brackets) followed by whitespace, unless the dot ends
    a title, an initial, a short abbreviation before a lowercase word/digit, or a dotted
    abbreviation not followed by a typical sentence starter; and no break before a
    lowercase word."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        a = pos
        pos += len(line) + 1
        start = a
        for m in _END.finditer(line):
            end = a + m.end()
            rest = text[end:a + len(line)]
            nxt = re.match(r"\s*[\"'“‘«(\[]*(\w+)", rest)
            if not nxt:
                continue
            nw = nxt.group(1)
            if nw[0].islower():
                continue
            if m.group(0).startswith(".") and m.group(0).rstrip("\"'”’»)]") == ".":
                before = text[start:a + m.start()]
                lw = re.split(r"[\s(\"']", before)[-1] if before else ""
                low = lw.lower()
                if low in _TITLES:
                    continue
                if before.strip() == lw and ((lw.isdigit() and len(lw) <= 3) or (len(lw) == 1 and lw.isalpha())):
                    continue  # list marker "1." / "b." alone
                if len(lw) == 1 and lw.isupper():
                    continue  # initial "W."
                if low in _ABBREV and (nw[0].isdigit() or nw[0].islower()):
                    continue
                dotted = "." in lw and all(c.isalpha() or c == "." for c in lw)
                if (dotted or low in ("inc", "corp", "ltd", "co", "jr", "sr")) and nw.lower() not in _STARTERS:
                    continue
            _push_trimmed(text, start, end, out)
            start = end
        _push_trimmed(text, start, a + len(line), out)
    return out


def _push_trimmed(text, s, e, out):
    seg = text[s:e]
    left = len(seg) - len(seg.lstrip())
    right = len(seg.rstrip())
    if right > left:
        out.append((s + left, s + right))


# ---------------------------------------------------------------------------
# words (port of src/model/words.rs, WordRule::Conll, on char offsets)
# ---------------------------------------------------------------------------
def _is_punct(t: str) -> bool:
    return t != "" and all(not c.isalnum() and not c.isspace() for c in t)


def _whitespace_runs(offsets):
    runs: list[list[int]] = []
    prev_end = None
    for i, (s, e) in enumerate(offsets):
        if e <= s:
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            continue
        if runs and prev_end is not None and runs[-1][1] == i and s <= prev_end:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
        prev_end = e
    return runs


def _word(offsets, a, b):
    s = offsets[a][0]
    e = max([offsets[k][1] for k in range(a, b)] + [s])
    return (s, e, a, b)


def conll_words(text: str, offsets) -> list[tuple[int, int, int, int]]:
    """Words as (char_start, char_end, first_token, end_token)."""
    words = []
    for ra, rb in _whitespace_runs(offsets):
        units: list[list[int]] = []
        for i in range(ra, rb):
            s, e = offsets[i]
            if units and e <= s:
                units[-1][1] = i + 1
            else:
                units.append([i, i + 1])
        texts = [text[offsets[u[0]][0]:offsets[u[0]][1]] for u in units]

        def has_word(a, b):
            return any(not _is_punct(t) for t in texts[a:b])

        head, tail = 0, len(units)
        while tail - head > 1 and _is_punct(texts[head]) and has_word(head + 1, tail):
            head += 1
        trailing = []
        while tail - head >= 2:
            last = texts[tail - 1]
            if tail - head > 2 and texts[tail - 2] == "'" and last in ("s", "S"):
                trailing.append((units[tail - 2][0], units[tail - 1][1]))
                tail -= 2
                continue
            if not _is_punct(last) or not has_word(head, tail - 1):
                break
            if last == ".":
                before = texts[head:tail - 1]
                if "." in before or (len(before) == 1 and len(before[0]) == 1):
                    break
            trailing.append((units[tail - 1][0], units[tail - 1][1]))
            tail -= 1
        for u in units[:head]:
            words.append(_word(offsets, u[0], u[1]))
        if head < tail:
            words.append(_word(offsets, units[head][0], units[tail - 1][1]))
        for a, b in reversed(trailing):
            words.append(_word(offsets, a, b))
    return words


# ---------------------------------------------------------------------------
# windows (port of src/model/windows.rs plan_windows)
# ---------------------------------------------------------------------------
def plan_windows(n: int, max_content: int, budget: int, sentences: list[tuple[int, int]],
                 max_context: int | None = None):
    """Returns [(context_start, context_end, target_start, target_end)] over token indices.
    `max_context` caps the context on each side (None: as much as fits), as in Rust."""
    max_content = max(1, max_content)
    budget = min(max(1, budget), max_content)
    if n == 0:
        return []
    if n <= max_content:
        return [(0, n, 0, n)]
    cuts = sorted({s for s, _ in sentences if 0 < s < n})
    units, start = [], 0
    for c in cuts:
        units.append((start, c))
        start = c
    units.append((start, n))
    chunks, cur = [], None
    for a, b in units:
        if b - a > budget:
            if cur is not None:
                chunks.append(cur)
                cur = None
            x = a
            while x < b:
                y = min(x + budget, b)
                chunks.append((x, y))
                x = y
            continue
        if cur is None:
            cur = (a, b)
        elif b - cur[0] <= budget:
            cur = (cur[0], b)
        else:
            chunks.append(cur)
            cur = (a, b)
    if cur is not None:
        chunks.append(cur)
    plans = []
    for a, b in chunks:
        room = max_content - (b - a)
        left = min(a, room // 2)
        right = min(n - b, room - left)
        left = min(a, room - right)
        if max_context is not None:
            left, right = min(left, max_context), min(right, max_context)
        plans.append((a - left, b + right, a, b))
    return plans


# ---------------------------------------------------------------------------
# documents
# ---------------------------------------------------------------------------
@dataclass
class Doc:
    text: str
    ids: list[int]
    shapes: list[int]
    offsets: list[tuple[int, int]]
    words: list[tuple[int, int, int, int]]
    tags: list[str] = field(default_factory=list)       # gold word labels (may be empty)
    gold: dict = field(default_factory=dict)             # role -> [(start, end)] char spans
    article: str = ""
    annotator: str = ""


def encode_text(tok, text: str):
    enc = tok.encode(text, add_special_tokens=False)
    ids = [UNK_ID if i in SPECIAL_IDS else i for i in enc.ids]
    offsets = [tuple(o) for o in enc.offsets]
    shapes = [nc.casing_class(text[s:e]) for s, e in offsets]
    return ids, shapes, offsets


def word_tags(text: str, words, spans: dict[str, list[tuple[int, int]]]) -> list[str]:
    """Word IOB2 tags from char spans, overlaps resolved by PRIORITY (see module doc)."""
    n = len(text)
    role_at = [None] * n
    span_at = [-1] * n
    items = []
    for role in ROLES:
        for s, e in spans.get(role, []):
            items.append((PRIORITY[role], -(e - s), role, s, e))
    # low priority first, longer first: higher priority / inner spans overwrite
    items.sort()
    for k, (_, _, role, s, e) in enumerate(items):
        for c in range(max(0, s), min(n, e)):
            role_at[c] = role
            span_at[c] = k
    tags = []
    prev = (None, -1)
    for ws, we, _, _ in words:
        counts: dict = {}
        for c in range(ws, we):
            counts[role_at[c]] = counts.get(role_at[c], 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], PRIORITY.get(kv[0], 0) if kv[0] else -1)) \
            if counts else (None, 0)
        role = best[0]
        if role is None:
            tags.append("O")
            prev = (None, -1)
            continue
        ids = [span_at[c] for c in range(ws, we) if role_at[c] == role]
        sid = max(set(ids), key=ids.count)
        tags.append(("I-" if prev == (role, sid) else "B-") + ROLE_TAG[role])
        prev = (role, sid)
    return tags


def make_doc(tok, row: dict) -> Doc:
    text = row["text"]
    ids, shapes, offsets = encode_text(tok, text)
    words = conll_words(text, offsets)
    gold = gold_spans(row) if "attributions" in row else {}
    tags = word_tags(text, words, gold) if gold else []
    return Doc(text, ids, shapes, offsets, words, tags, gold, row.get("article", ""), row.get("annotator", ""))


def sentence_token_ranges(doc: Doc):
    starts = [s for s, _ in doc.offsets]
    import bisect

    return [(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)) for a, b in split_sentences(doc.text)]


def doc_windows(doc: Doc, doc_index: int, label_context: bool = False,
                max_content: int = nc.MAX_CONTENT, budget: int = nc.TARGET_BUDGET,
                max_context: int | None = None) -> list[nc.Window]:
    """Model windows of a document (exactly as the Rust runner plans them). `targets` =
    (token position in window, doc index, word index) for the word-start tokens of the
    window's targets. Labels on those tokens; with label_context also on the word-start
    tokens of the context (training only: more supervision per forward pass)."""
    first_tok = {w[2]: wi for wi, w in enumerate(doc.words)}
    out = []
    for cs, ce, ts, te in plan_windows(len(doc.ids), max_content, budget, sentence_token_ranges(doc), max_context):
        ids = [nc.CLS_ID] + doc.ids[cs:ce] + [nc.SEP_ID]
        sh = [0] + doc.shapes[cs:ce] + [0]
        lab = [-100] * len(ids)
        targets = []
        for p in range(cs, ce):
            wi = first_tok.get(p)
            if wi is None:
                continue
            is_target = ts <= p < te
            if is_target:
                targets.append((p - cs + 1, doc_index, wi))
            if doc.tags and (is_target or label_context):
                lab[p - cs + 1] = LABEL2ID[doc.tags[wi]]
        out.append(nc.Window(ids, sh, lab, targets))
    return out


def prepare(path: Path, tok, label_context: bool = False, limit: int = 0):
    rows = load_rows(path)
    if limit:
        rows = rows[:limit]
    docs, windows = [], []
    for row in rows:
        d = make_doc(tok, row)
        windows += doc_windows(d, len(docs), label_context)
        docs.append(d)
    return windows, docs


# ---------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------
def word_logprobs(windows, logits_list, docs):
    import numpy as np

    K = len(LABELS)
    out = [np.zeros((len(d.words), K), dtype=np.float64) for d in docs]
    for d in out:
        d[:, :] = -1e4
        d[:, 0] = 0.0
    for w, lg in zip(windows, logits_list):
        lg = lg.astype(np.float64)
        lg = lg - lg.max(-1, keepdims=True)
        lp = lg - np.log(np.exp(lg).sum(-1, keepdims=True))
        for pos, di, wi in w.targets:
            out[di][wi] = lp[pos]
    return out


def decode_doc(lp, viterbi: bool = True) -> list[str]:
    """Word labels of one document: IOB2-constrained Viterbi over ALL its words (content
    spans cross sentence boundaries, so decoding is not cut at sentences), or argmax."""
    if len(lp) == 0:
        return []
    if viterbi:
        return [LABELS[i] for i in nc.viterbi_iob2(lp, LABELS)]
    return [LABELS[int(i)] for i in lp.argmax(-1)]


def predicted_spans(doc: Doc, tags: list[str]) -> dict[str, list[tuple[int, int]]]:
    """conlleval chunks -> char spans (first word start, last word end) per role."""
    out = {r: [] for r in ROLES}
    inv = {v: k for k, v in ROLE_TAG.items()}
    for a, b, typ in sorted(nc.chunks(tags)):
        out[inv[typ]].append((doc.words[a][0], doc.words[b - 1][1]))
    return out


# ---------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------
def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip surrounding chars that are not alphanumeric (whitespace, punctuation,
    quotes, symbols): Python str.isalnum / Rust char::is_alphanumeric. A span that
    trims to nothing keeps its raw range."""
    a, b = s, e
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    return (a, b) if b > a else (s, e)


def score_docs(docs: list[Doc], preds: list[dict]) -> dict:
    """Per role: exact and overlap precision/recall/F1 (micro over documents; every dev
    row, i.e. every annotator's version of an article, is its own document).
    exact: a prediction matches when its trimmed (start, end) equals a trimmed gold span.
    overlap: a prediction matches when its trimmed range shares >= 1 char with a trimmed
    gold span of the same role; precision = matched predictions / predictions,
    recall = gold spans overlapped by some prediction / gold spans."""
    acc = {r: {"pred": 0, "gold": 0, "exact_p": 0, "exact_g": 0, "ov_p": 0, "ov_g": 0} for r in ROLES}
    for doc, pred in zip(docs, preds):
        for r in ROLES:
            g = [trim(doc.text, s, e) for s, e in doc.gold.get(r, [])]
            p = [trim(doc.text, s, e) for s, e in pred.get(r, [])]
            gs = set(g)
            ps = set(p)
            a = acc[r]
            a["pred"] += len(p)
            a["gold"] += len(g)
            a["exact_p"] += sum(1 for x in p if x in gs)
            a["exact_g"] += sum(1 for x in g if x in ps)
            # overlap via sorted sweep would be faster; documents are small enough
            a["ov_p"] += sum(1 for (s, e) in p if any(s < ge and gs_ < e for gs_, ge in g))
            a["ov_g"] += sum(1 for (s, e) in g if any(s < pe and ps_ < e for ps_, pe in p))

    def prf(mp, np_, mg, ng):
        pr = mp / np_ if np_ else 0.0
        rc = mg / ng if ng else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(100 * pr, 2), "recall": round(100 * rc, 2), "f1": round(100 * f, 2)}

    res = {}
    for r in ROLES:
        a = acc[r]
        res[r] = {"exact": prf(a["exact_p"], a["pred"], a["exact_g"], a["gold"]),
                  "overlap": prf(a["ov_p"], a["pred"], a["ov_g"], a["gold"]),
                  "gold": a["gold"], "predicted": a["pred"]}
    res["mean_overlap_f1"] = round(sum(res[r]["overlap"]["f1"] for r in ROLES) / len(ROLES), 2)
    res["mean_exact_f1"] = round(sum(res[r]["exact"]["f1"] for r in ROLES) / len(ROLES), 2)
    return res


def evaluate_logits(windows, logits_list, docs, viterbi=True) -> dict:
    lps = word_logprobs(windows, logits_list, docs)
    preds = [predicted_spans(d, decode_doc(lp, viterbi)) for d, lp in zip(docs, lps)]
    return score_docs(docs, preds)


def oracle_scores(docs) -> dict:
    """Scores of the gold word labels themselves (ceiling set by the word-level encoding)."""
    preds = [predicted_spans(d, d.tags) for d in docs]
    return score_docs(docs, preds)


def summary(res: dict) -> str:
    return " | ".join(f"{r} ov {res[r]['overlap']['f1']:.2f} ex {res[r]['exact']['f1']:.2f}" for r in ROLES)
