#!/usr/bin/env bash
# Recompile the hash-pinned lock files. `uv pip compile` records no download addresses.
set -euo pipefail
uv_bin=${1:-uv}
out=${2:-requirements}
common=(--quiet --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu --no-header)
"$uv_bin" pip compile "${common[@]}" pyproject.toml -o "$out/main.txt"
"$uv_bin" pip compile "${common[@]}" --extra dev pyproject.toml -o "$out/dev.txt"
"$uv_bin" pip compile "${common[@]}" requirements/uv.in -o "$out/uv.txt"
