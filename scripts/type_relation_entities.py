"""Named-entity types for the relation model's training and dev sentences (typed markers).

The relation model marks each entity with a start marker that names its type (PER, ORG,
LOC, MISC; see relations_common.TYPED_START_IDS). In `newsgrist run` the type is the NER
label of the entity being marked. KBP37 and CrossRE give spans without those labels, so
this script runs newsgrist's own NER model (the release binary, `models/ner`) over every
sentence, each as its own document, and stores the entities it finds per sentence text in
`.cache/relation_ner.json`. `relations_common.attach_types` then gives a marked span the
label of the NER entity covering most of it (at least half), or none.

Usage: .venv-train/bin/python scripts/type_relation_entities.py [--binary target/release/newsgrist]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import relations_common as rc

ROOT = Path(__file__).resolve().parent.parent
CACHE = rc.NER_CACHE


def sentence_files() -> list[tuple[str, Path]]:
    files = [("kbp", rc.KBP_DIR / f"{s}.txt") for s in ("train", "dev")]
    for p in sorted((rc.CROSSRE_DIR / "crossre_data").glob("*.json")):
        files.append(("crossre", p))
    ext = rc.CROSSRE_DIR / "crossre_extension" / "news-train.json"
    if ext.exists():
        files.append(("crossre", ext))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "newsgrist"))
    args = ap.parse_args()
    if not rc.KBP_DIR.exists():
        sys.exit(f"skipped: {rc.KBP_DIR} is absent (see ../shared/data/README)")
    texts: list[str] = []
    seen = set()
    for task, path in sentence_files():
        reader = rc.read_kbp37 if task == "kbp" else rc.read_crossre
        for s in reader(path):
            if s.text not in seen:
                seen.add(s.text)
                texts.append(s.text)
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "sentences.jsonl"
        with docs.open("w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"s{i}", "text": t}) + "\n")
        out = Path(tmp) / "out"
        subprocess.run([args.binary, "run", str(docs), "--out", str(out), "--no-attribution",
                        "--no-relations", "--quiet"], check=True, cwd=ROOT)
        found: dict[str, list] = {t: [] for t in texts}
        with (out / "entities.jsonl").open(encoding="utf-8") as f:
            for line in f:
                e = json.loads(line)
                t = texts[int(e["doc_id"][1:])]
                found[t].append([e["span"]["start"], e["span"]["end"], e["label"]])
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(found), encoding="utf-8")
    n = sum(len(v) for v in found.values())
    print(f"{len(texts)} sentences, {n} entities -> {CACHE}")


if __name__ == "__main__":
    main()
