#!/usr/bin/env bash
# Set up (once) and run every winback test: unit, AppTest pages, and browser journeys in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if ! .venv/bin/python -c 'import sys; from winback.devserver import chromium_path; sys.exit(chromium_path() is None)'; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "No system Chromium found; using Playwright's own browser."
    .venv/bin/python -m playwright install chromium
  fi
fi
exec .venv/bin/python -m pytest "$@"
