#!/usr/bin/env bash
# newsgrist's NER against rust-bert's NER pipeline, on this machine, same slice.
#
# Issue #3's throughput target is a ratio: newsgrist's NER on ../shared/data/news
# at least 10x rust-bert's NER pipeline on the same model. This script measures
# both here, alternating, on the first N articles (default 2,000) of
# ../shared/data/news/news_articles.jsonl, and prints tokens/s, documents/s
# and the ratio per round:
#   newsgrist   `newsgrist run SLICE --no-attribution --no-relations` (release
#               build; wall time of the whole run, model loading and writing
#               included)
#   rust-bert   rust-bert 0.23 `NERModel::predict_full_entities`, libtorch fp32
#               (scripts/rust-bert-peer; model loading excluded), the same
#               encoder and token head as models/ner (scripts/rust_bert_weights.py),
#               256-token windows like newsgrist's, batch size 64 (its default)
# "tokens" are the documents' subword tokens without special tokens, as in
# scripts/bench.
#
# rust-bert needs libtorch 2.4: it is taken from the training venv's torch
# wheel (scripts/setup-train-env.sh makes .venv-train, about 5 GB, PyPI only),
# never from a download at build time. Skipped with a message where the data
# or the venv cannot be had. Not part of CI.
#
# usage: scripts/bench-rust-bert.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
rounds=${2:-2}
data=../shared/data/news/news_articles.jsonl
if [ ! -f "$data" ]; then
  echo "skipped: $data is absent (see ../shared/data/README.md)"
  exit 0
fi
venv=.venv-train
if ! "$venv/bin/python" -c 'import torch, safetensors' 2>/dev/null; then
  echo "making the training venv for libtorch (scripts/setup-train-env.sh)..." >&2
  bash scripts/setup-train-env.sh >&2 ||
    { echo "skipped: scripts/setup-train-env.sh failed, so there is no libtorch for rust-bert"; exit 0; }
fi
torch_lib=$("$venv/bin/python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
model=.cache/rust-bert-model
# rewritten each time: it follows models/ner's depth
"$venv/bin/python" scripts/rust_bert_weights.py "$model" >&2
export CARGO_TARGET_DIR="$PWD/.cache/rust-bert-peer-target"
(cd scripts/rust-bert-peer &&
  PATH="$PWD/../../$venv/bin:$PATH" LIBTORCH_USE_PYTORCH=1 LIBTORCH_BYPASS_VERSION_CHECK=1 \
    cargo build --release --quiet) ||
  { echo "skipped: scripts/rust-bert-peer did not build against $torch_lib"; exit 0; }
peer="$CARGO_TARGET_DIR/release/rust-bert-peer"
cargo build --release --quiet

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$n" "$data" >"$work/slice.jsonl"
echo "newsgrist $(git rev-parse --short HEAD 2>/dev/null || echo '?') against rust-bert 0.23 (libtorch $("$venv/bin/python" -c 'import torch; print(torch.__version__)') fp32), $(nproc) cores, first $n articles of $data"
echo
printf '| round | newsgrist NER tokens/s | newsgrist docs/s | rust-bert tokens/s | rust-bert docs/s | rust-bert entities | newsgrist / rust-bert |\n'
printf '|---|---|---|---|---|---|---|\n'
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/out"
  ./target/release/newsgrist run "$work/slice.jsonl" --out "$work/out" --quiet --no-attribution --no-relations
  LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$peer" "$model" "$work/slice.jsonl" >"$work/peer.json"
  python3 - "$round" "$work/out/run.json" "$work/peer.json" "$work/counts" <<'PY'
import json, sys
round_, ours, peer = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
wall = ours["timings_ms"]["wall"] / 1000
tokens = ours["model_tokens"]["ner.tokens"]
ours_rate, peer_rate = tokens / wall, peer["tokens"] / peer["seconds"]
print(f"| {round_} | {ours_rate:,.0f} | {ours['counts']['documents'] / wall:.1f} | {peer_rate:,.0f} "
      f"| {peer['documents'] / peer['seconds']:.1f} | {peer['entities']:,} | {ours_rate / peer_rate:.1f} |")
open(sys.argv[4], "w").write(f"subword tokens in the slice: newsgrist {tokens:,}, rust-bert {peer['tokens']:,}; "
                             f"rust-bert ran {peer['torch_threads']} torch threads\n")
PY
done
echo
cat "$work/counts"
