#!/usr/bin/env python3
"""Draws the casualty mentions to check by hand for
tests/fixtures/casualty_mentions_checked.jsonl.

Run newsgrist without the NER model over the varied news set, then pick
mentions deterministically: per source, the mentions with the smallest
SHA-256 of "fixture/<doc_id>/<casualty_id>", 50 from the GVA shooting
articles and 50 from the other sources. The script writes the candidates
without a judgement; a person adds `correct` and `reason` to each line.

    cargo run --release -- run ../shared/data/news/news_articles.jsonl \
        --stdout --no-ner --quiet > /tmp/news_out.jsonl
    python3 scripts/sample_casualty_mentions.py /tmp/news_out.jsonl > candidates.jsonl
"""
import hashlib
import json
import sys

QUOTA = {
    "gva_news": 50,
    "reuters21578": 12,
    "bbc": 12,
    "india_police_events": 10,
    "polnear": 8,
    "wikievents": 8,
}


def main(path):
    by_source = {source: [] for source in QUOTA}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            bundle = json.loads(line)
            document = bundle.get("document")
            if not document:
                continue
            source = document["doc_id"].split(":")[0]
            if source not in by_source:
                continue
            for record in bundle["casualties"]:
                key = f"fixture/{document['doc_id']}/{record['casualty_id']}"
                digest = hashlib.sha256(key.encode()).hexdigest()
                by_source[source].append((digest, document["doc_id"], record))
    number = 0
    for source, quota in QUOTA.items():
        for _, doc_id, record in sorted(by_source[source], key=lambda item: item[0])[:quota]:
            number += 1
            victims = record["victims"]["text"] if record["victims"] else None
            print(json.dumps({
                "id": number,
                "doc_id": doc_id,
                "casualty_id": record["casualty_id"],
                "sentence": record["evidence"]["text"],
                "kind": record["kind"],
                "value": record["count"]["value"],
                "qualifier": record["count"]["qualifier"],
                "count_text": record["count_span"]["text"],
                "victims": victims,
            }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
