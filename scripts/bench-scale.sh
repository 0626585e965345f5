#!/usr/bin/env bash
# Does cost grow linearly with the corpus, and memory not at all?
#
# Default mode: runs the release binary over the first N articles of
# ../shared/data/news/news_articles.jsonl and over 10x as many distinct
# articles (each copy's text made unique, so duplicate detection does not
# shortcut the work), and prints wall time, documents/s and peak RSS.
#
# `long` mode: one document made of the first N articles (joined by blank
# lines) and one made of 4N, so the second is about 4x as long; prints each
# stage's seconds and how much more each costs on the longer document. A
# stage whose cost grows faster than the text (ratio well above 4) reads
# every pair of something.
#
# usage: scripts/bench-scale.sh [N] [extra newsgrist run flags...]
#        scripts/bench-scale.sh long [N] [extra newsgrist run flags...]
#   scripts/bench-scale.sh 28820 --no-ner     # pipeline without the model
#   scripts/bench-scale.sh 500                # with the NER model
#   scripts/bench-scale.sh long 400           # 400- and 1,600-article documents
set -euo pipefail
cd "$(dirname "$0")/.."
mode=count
if [ "${1:-}" = long ]; then
  mode=long
  shift
fi
n=${1:-$([ "$mode" = long ] && echo 400 || echo 2000)}
shift || true
data=../shared/data/news/news_articles.jsonl
if [ ! -f "$data" ]; then
  echo "skipped: $data is absent (see ../shared/data/README.md)"
  exit 0
fi
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$mode" = long ]; then
  python3 - "$data" "$n" "$work" <<'PY'
import json, sys
data, n, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(data) as f:
    articles = [json.loads(next(f)) for _ in range(4 * n)]
for scale in (1, 4):
    text = "\n\n".join(a["text"] for a in articles[: scale * n])
    with open(f"{work}/long{scale}.jsonl", "w") as out:
        out.write(json.dumps({"id": f"long-{scale * n}", "text": text}) + "\n")
PY
  for scale in 1 4; do
    /usr/bin/time -f '%e %M' -o "$work/time$scale" ./target/release/newsgrist run "$work/long$scale.jsonl" \
      --out "$work/out$scale" --quiet "$@" || true
  done
  python3 - "$work" "$n" <<'PY'
import json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
runs = {}
for scale in (1, 4):
    run = json.load(open(f"{work}/out{scale}/run.json"))
    seconds, kib = open(f"{work}/time{scale}").read().split()
    runs[scale] = (run, float(seconds), int(kib), os.path.getsize(f"{work}/long{scale}.jsonl"))
stages = [s for s in ("ner", "attribution", "relations", "spans", "records", "write") if s in runs[1][0]["timings_ms"]]
print("| document | bytes | wall s | peak RSS MiB | " + " | ".join(f"{s} s" for s in stages) + " |")
print("|---" * (4 + len(stages)) + "|")
for scale in (1, 4):
    run, seconds, kib, size = runs[scale]
    t = run["timings_ms"]
    print(f"| {scale * n} articles | {size:,} | {seconds:.1f} | {kib / 1024:.0f} | " + " | ".join(f"{t[s] / 1000:.2f}" for s in stages) + " |")
ratio = lambda a, b: f"{b / a:.1f}x" if a > 0 else "-"
r1, r4 = runs[1], runs[4]
print(f"| 4x / 1x | {ratio(r1[3], r4[3])} | {ratio(r1[1], r4[1])} | {ratio(r1[2], r4[2])} | " + " | ".join(ratio(r1[0]['timings_ms'][s], r4[0]['timings_ms'][s]) for s in stages) + " |")
PY
  exit 0
fi

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
