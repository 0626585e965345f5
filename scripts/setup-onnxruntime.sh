#!/usr/bin/env bash
# Installs the ONNX Runtime shared library that newsgrist loads at run time
# (issue #3). build.rs does the same on `cargo build`; run this by hand when
# the build was offline, or to put the library elsewhere:
#
#   scripts/setup-onnxruntime.sh            # -> .cache/onnxruntime/libonnxruntime.so.1.31.1
#   scripts/setup-onnxruntime.sh /opt/ort   # -> /opt/ort/libonnxruntime.so.1.31.1 (then set ORT_DYLIB_PATH)
#
# The library comes from the PyPI wheel onnxruntime==1.31.1 (needs only glibc
# and libstdc++); python3 with pip and access to PyPI are required.
set -euo pipefail

VERSION=1.31.1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-$ROOT/.cache/onnxruntime}"
LIB="$DEST/libonnxruntime.so.$VERSION"

if [[ -f "$LIB" ]]; then
    echo "already present: $LIB"
    exit 0
fi
mkdir -p "$DEST"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: --disable-pip-version-check \
    "onnxruntime==$VERSION" -d "$TMP"
WHEEL="$(ls "$TMP"/onnxruntime-*.whl)"
python3 - "$WHEEL" "$TMP/lib.partial" "$VERSION" <<'PY'
import shutil, sys, zipfile
wheel, out, version = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z, z.open(f"onnxruntime/capi/libonnxruntime.so.{version}") as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
mv "$TMP/lib.partial" "$LIB.partial"
mv "$LIB.partial" "$LIB"
echo "installed: $LIB"
if [[ "$DEST" != "$ROOT/.cache/onnxruntime" ]]; then
    echo "set ORT_DYLIB_PATH=$LIB for newsgrist to use it"
fi
