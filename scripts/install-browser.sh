#!/usr/bin/env bash
# Chromium for the Playwright browser tests, from Debian's packages (Playwright's own browser
# download is not used). Installs only when missing; needs root (as on CI). Without it the
# browser tests skip locally, and fail in CI, where HIPCOACH_REQUIRE_BROWSER=1.
set -uo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing; install Debian's 'chromium' package to run the browser tests." >&2
  exit 0
fi
echo "Installing Debian's chromium for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null
status=$?
if [ $status -ne 0 ]; then
  echo "Could not install chromium (apt-get exit $status)." >&2
fi
exit 0
