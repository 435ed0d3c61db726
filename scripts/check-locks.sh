#!/usr/bin/env bash
# Fail when a lock file is stale against pyproject.toml, or names a package host.
set -euo pipefail
uv_bin=${1:-uv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Start from the current pins so uv keeps them when they still satisfy pyproject.toml.
cp requirements/*.txt "$tmp"/
bash scripts/compile-locks.sh "$uv_bin" "$tmp"
for f in main.txt dev.txt uv.txt; do
  if ! diff -q "requirements/$f" "$tmp/$f" >/dev/null; then
    echo "requirements/$f is stale against pyproject.toml: run 'make lock'" >&2
    exit 1
  fi
done
if grep -rlE 'https?://|"resolved"' requirements/ tools/a11y/package-lock.json >/dev/null; then
  echo "a lock file records a download address" >&2
  exit 1
fi
echo "lock files are fresh"
