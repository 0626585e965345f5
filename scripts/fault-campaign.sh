#!/usr/bin/env bash
# Fault campaign: newsgrist killed with SIGKILL at random moments, on a full
# disk, and run twice on one output directory.
#
#   scripts/fault-campaign.sh [--runs N] [--docs N] [--seed S] [--models]
#                             [--bin PATH] [--keep] [--work DIR]
#
# Over the first --docs (2,000) articles of ../shared/data/news/news_articles.jsonl
# (skipped with a message when that file is absent):
#
# 1. one uninterrupted reference run;
# 2. --runs (20) runs, each on a fresh output directory, killed with SIGKILL
#    after a random delay (a fraction of the reference run's length drawn
#    from --seed, so the same seed gives the same kill points), then rerun to completion with the same command. After each kill
#    the state file (.newsgrist/commit.json) must parse and every committed
#    prefix must be whole JSON lines; after the rerun every JSONL file of the
#    directory (and .newsgrist/seen.jsonl) must be byte-identical to the
#    reference run;
# 3. a full disk, twice: a file-size limit (`ulimit -f`), and a 1 MiB tmpfs
#    when one can be mounted (root). newsgrist must exit 1 with a message
#    naming the file and "file too large" / "disk full", every line of every
#    JSONL file must parse, and a rerun with room must end identical;
# 4. two runs on one output directory: the second must exit 75 and name the
#    lock's holder.
#
# Runs use --no-ner --no-attribution (the pipeline without models, ~0.5 s for
# 2,000 articles) unless --models is given (~80 s a run on 2 cores), and
# commit after every chunk (--commit-interval 0 --chunk-docs 64) so that kills
# land between many commit points. Exit status: 0 when every check passed.
set -euo pipefail

runs=20
docs=2000
seed=9
models=0
keep=0
bin=""
work=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --docs) docs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --models) models=1; shift ;;
    --bin) bin="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "fault-campaign: unknown argument $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
articles="$root/../shared/data/news/news_articles.jsonl"
if [[ ! -f "$articles" ]]; then
  echo "fault-campaign: skipping: $articles not found (the campaign needs real articles)"
  exit 0
fi
if [[ -z "$bin" ]]; then
  (cd "$root" && nice -n 19 cargo build --release --quiet)
  bin="$root/target/release/newsgrist"
fi
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/newsgrist-faults.XXXXXX")"
fi
mkdir -p "$work"
mounted=""
cleanup() {
  if [[ -n "$mounted" ]]; then umount "$mounted" 2>/dev/null || true; fi
  if [[ $keep == 0 ]]; then rm -rf "$work"; else echo "work directory kept: $work"; fi
}
trap cleanup EXIT
# A private copy: a rebuild during the campaign must not swap the binary.
cp "$bin" "$work/newsgrist"
bin="$work/newsgrist"

corpus="$work/corpus.jsonl"
head -n "$docs" "$articles" > "$corpus"
flags=(--commit-interval 0 --chunk-docs 64 --threads 2 --quiet)
if [[ $models == 0 ]]; then flags+=(--no-ner --no-attribution); fi

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

run_ng() { # OUT [extra args...]: runs newsgrist in the foreground
  local out="$1"; shift
  nice -n 19 "$bin" run "$corpus" --out "$out" "${flags[@]}" "$@"
}

# Every JSONL file's lines parse; with --committed, only the committed prefix
# named in commit.json, which must end on a line break.
check_jsonl() { # DIR [--committed]
  python3 - "$@" <<'PY'
import json, os, sys
out = sys.argv[1]
committed = len(sys.argv) > 2
if not os.path.isdir(out):
    sys.exit(0)  # killed before it made the directory: nothing to check
problems = []
lengths = None
commit_path = os.path.join(out, ".newsgrist", "commit.json")
if os.path.exists(commit_path):
    try:
        with open(commit_path, "rb") as f:
            lengths = json.load(f)["lengths"]
    except Exception as err:  # noqa: BLE001 - any failure is the finding
        print(f"commit.json does not parse: {err}")
        sys.exit(1)
files = [n for n in sorted(os.listdir(out)) if n.endswith(".jsonl")]
files.append(".newsgrist/seen.jsonl")
for name in files:
    path = os.path.join(out, name)
    if not os.path.exists(path):
        continue
    with open(path, "rb") as f:
        data = f.read()
    if committed:
        length = (lengths or {}).get(name, 0)
        if len(data) < length:
            problems.append(f"{name}: {len(data)} bytes, shorter than the committed {length}")
            continue
        data = data[:length]
    if data and not data.endswith(b"\n"):
        problems.append(f"{name}: does not end with a line break")
    for number, line in enumerate(data.splitlines(), 1):
        try:
            json.loads(line)
        except Exception as err:  # noqa: BLE001
            problems.append(f"{name}:{number}: {err}")
            break
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
PY
}

# All JSONL files (and the seen index) of two directories are byte-identical.
same_outputs() { # REF OUT
  local ref="$1" out="$2" name
  for name in $(cd "$ref" && ls -- *.jsonl) .newsgrist/seen.jsonl; do
    cmp -s "$ref/$name" "$out/$name" || { echo "$name differs"; return 1; }
  done
  local extra
  extra="$(cd "$out" && ls -- *.jsonl | sort)"
  [[ "$extra" == "$(cd "$ref" && ls -- *.jsonl | sort)" ]] || { echo "other JSONL files"; return 1; }
}

committed_docs() { # DIR: documents counted at the last commit point, or 0
  if [[ -f "$1/.newsgrist/commit.json" ]]; then
    python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(c["counts"]["documents"], "complete" if c["complete"] else "")' \
      "$1/.newsgrist/commit.json"
  else
    echo "0 (no commit)"
  fi
}

now_ms() { date +%s%3N; }

echo "corpus: $docs articles from $articles"
echo "binary: $bin; flags: ${flags[*]}; seed $seed"
reference="$work/reference"
t0=$(now_ms)
run_ng "$reference"
t1=$(now_ms)
span=$((t1 - t0))
echo "reference run: $span ms, $(wc -l < "$reference/documents.jsonl") documents"

# --- 1. SIGKILL at random moments -------------------------------------------
RANDOM=$seed
printf '\n%-4s %-8s %-26s %-10s %s\n' run kill_ms committed_docs_at_kill identical state
interrupted=0
for ((i = 1; i <= runs; i++)); do
  # A delay up to 110% of the reference run, drawn as a fraction (per mille)
  # so that a seed gives the same kill points on a faster or slower machine:
  # most land mid-run, a few after the end.
  permille=$(( (RANDOM * 32768 + RANDOM) % 1100 ))
  delay=$(( span * permille / 1000 ))
  out="$work/killed-$i"
  nice -n 19 "$bin" run "$corpus" --out "$out" "${flags[@]}" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -0 "$pid" 2>/dev/null; then was_running=1; else was_running=0; fi
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  at_kill="$(committed_docs "$out")"
  [[ $was_running == 1 ]] && interrupted=$((interrupted + 1))
  [[ $was_running == 0 ]] && at_kill="$at_kill (finished)"
  state=ok
  if ! problems="$(check_jsonl "$out" --committed)"; then
    state="CORRUPT"; fail "run $i: state after the kill: $problems"
  fi
  code=0
  run_ng "$out" || code=$?
  identical=yes
  if [[ $code != 0 ]]; then
    identical="no (rerun exit $code)"; fail "run $i: rerun exited $code"
  elif ! why="$(same_outputs "$reference" "$out")"; then
    identical="no ($why)"; fail "run $i: $why"
  fi
  printf '%-4s %-8s %-26s %-10s %s\n' "$i" "$delay" "$at_kill" "$identical" "$state"
  rm -rf "$out"
done
echo "$interrupted of $runs runs were killed before they finished"
[[ $interrupted -gt 0 ]] || fail "no run was killed mid-run; the campaign proved nothing"

# --- 2. a full disk ---------------------------------------------------------
full_disk_case() { # NAME OUT EXPECTED-WORDS SETUP-COMMAND...
  local name="$1" out="$2" words="$3"; shift 3
  local code=0 err
  err="$( ( "$@"; nice -n 19 "$bin" run "$corpus" --out "$out" "${flags[@]}" ) 2>&1 >/dev/null)" || code=$?
  echo "$name: exit $code: $err"
  [[ $code == 1 ]] || fail "$name: exit $code, expected 1"
  [[ "$err" == *"$out/"*".jsonl"* || "$err" == *"$out/.newsgrist/"* ]] || fail "$name: the message names no file"
  grep -qi -- "$words" <<<"$err" || fail "$name: the message does not say '$words'"
  check_jsonl "$out" || fail "$name: a JSONL file holds a broken line"
  check_jsonl "$out" --committed || fail "$name: the committed state is broken"
}

limit_kb=$(( $(wc -c < "$reference/documents.jsonl") / 2048 ))
out="$work/ulimit"
full_disk_case "ulimit -f $limit_kb" "$out" "file too large" ulimit -f "$limit_kb"
code=0; run_ng "$out" || code=$?
if [[ $code == 0 ]] && same_outputs "$reference" "$out" >/dev/null; then
  echo "ulimit -f: the rerun without a limit is identical"
else
  fail "ulimit -f: the rerun without a limit exited $code or differs"
fi

tmpfs="$work/tmpfs"
mkdir -p "$tmpfs"
if [[ $(id -u) == 0 ]] && mount -t tmpfs -o size=1m tmpfs "$tmpfs" 2>/dev/null; then
  mounted="$tmpfs"
  full_disk_case "tmpfs of 1 MiB" "$tmpfs/out" "disk full" true
  mount -o remount,size=256m "$tmpfs"
  code=0; run_ng "$tmpfs/out" || code=$?
  if [[ $code == 0 ]] && same_outputs "$reference" "$tmpfs/out" >/dev/null; then
    echo "tmpfs: the rerun with room is identical"
  else
    fail "tmpfs: the rerun with room exited $code or differs"
  fi
  umount "$tmpfs" && mounted=""
else
  echo "tmpfs: skipped (mounting a tmpfs needs root; the ulimit -f case stands in)"
fi

# --- 3. two runs on one output directory -------------------------------------
out="$work/locked"
# The first run reads stdin, held open by `sleep`, so it is surely running
# while the second one starts.
( cat "$corpus"; sleep 3 ) | nice -n 19 "$bin" run - --out "$out" "${flags[@]}" &
first=$!
for _ in $(seq 100); do [[ -s "$out/.newsgrist/lock" ]] && break; sleep 0.05; done
code=0
err="$(nice -n 19 "$bin" run "$corpus" --out "$out" "${flags[@]}" 2>&1 >/dev/null)" || code=$?
echo "second run on a busy directory: exit $code: $err"
[[ $code == 75 ]] || fail "the second run exited $code, expected 75"
[[ "$err" == *"holds the lock"*"pid "* ]] || fail "the refusal does not name the holder"
code=0; wait "$first" || code=$?
[[ $code == 0 ]] || fail "the first run exited $code"

echo
if [[ $failures == 0 ]]; then
  echo "fault campaign: all checks passed ($runs kills, seed $seed)"
else
  echo "fault campaign: $failures checks FAILED"
  exit 1
fi
