#!/usr/bin/env bash
# wrk, the load generator `make bench` drives the server with (Debian's package).
set -uo pipefail
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "wrk is missing; install Debian's 'wrk' package to measure the server." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends wrk >/dev/null || \
  echo "Could not install wrk." >&2
exit 0
