#!/usr/bin/env bash
# axe-core, the accessibility checker the browser tests inject into every page, from npm with
# the lock in tools/a11y (names, versions and integrity hashes; no download addresses).
# Runs `npm ci` when node_modules is missing or older than the lock; installs Debian's nodejs
# and npm first when node is absent and we are root (as on CI). Without it the accessibility
# tests skip locally, and fail in CI, where HIPCOACH_REQUIRE_BROWSER=1.
set -uo pipefail
cd "$(dirname "$0")/../tools/a11y" || exit 0
stamp=node_modules/.hipcoach-lock-$(cksum <package-lock.json | cut -d' ' -f1)
if [ -f node_modules/axe-core/axe.min.js ] && [ -f "$stamp" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "npm is missing; install Debian's 'nodejs' and 'npm' to run the accessibility tests." >&2
    exit 0
  fi
  echo "Installing Debian's nodejs and npm for the accessibility tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }; then
    echo "Could not install nodejs and npm." >&2
    exit 0
  fi
fi
echo "Installing axe-core for the accessibility tests (npm ci in tools/a11y)..." >&2
if npm ci --no-audit --no-fund --loglevel=error >/dev/null; then
  rm -f node_modules/.hipcoach-lock-* && touch "$stamp"
else
  echo "npm ci failed in tools/a11y; the accessibility tests cannot run." >&2
fi
exit 0
