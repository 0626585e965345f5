#!/usr/bin/env bash
# Does cost grow linearly with the corpus, and memory not at all?
#
# Runs the release binary over the first N articles of
# ../shared/data/news/news_articles.jsonl and over 10x as many distinct
# articles (each copy's text made unique, so duplicate detection does not
# shortcut the work), and prints wall time, documents/s and peak RSS.
#
# usage: scripts/bench-scale.sh [N] [extra newsgrist run flags...]
#   scripts/bench-scale.sh 28820 --no-ner     # pipeline without the model
#   scripts/bench-scale.sh 500                # with the NER model
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
shift || true
data=../shared/data/news/news_articles.jsonl
if [ ! -f "$data" ]; then
  echo "skipped: $data is absent (see ../shared/data/README.md)"
  exit 0
fi
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$data" "$n" "$work" <<'PY'
import json, sys
data, n, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(data) as f:
    articles = [json.loads(next(f)) for _ in range(n)]
for scale in (1, 10):
    with open(f"{work}/x{scale}.jsonl", "w") as out:
        for copy in range(scale):
            for a in articles:
                text = a["text"] if copy == 0 else f"{a['text']}\n\n(copy {copy})"
                out.write(json.dumps({"id": f"{a['id']}-{copy}", "title": a.get("title"), "text": text}) + "\n")
PY
printf '| corpus | documents | seconds | documents/s | peak RSS (MiB) |\n|---|---|---|---|---|\n'
for scale in 1 10; do
  /usr/bin/time -f '%e %M' -o "$work/time" ./target/release/newsgrist run "$work/x$scale.jsonl" \
    --out "$work/out$scale" --quiet "$@" || true
  read -r seconds kib <"$work/time"
  docs=$(python3 -c "import json; print(json.load(open('$work/out$scale/run.json'))['counts']['documents'])")
  python3 -c "print(f'| {$scale}x | $docs | $seconds | {$docs/max($seconds,1e-3):.0f} | {$kib/1024:.1f} |')"
done
