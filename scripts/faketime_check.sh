#!/usr/bin/env bash
# The non-browser suites with the machine's own clock set to each awkward moment of tests/support/clock.py by
# Debian's faketime (apt-get install faketime), the way the test command's time-machine moments cannot: every
# library, not only Python's date and time, sees that day. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
command -v faketime >/dev/null || { echo "faketime is not installed (apt-get install faketime)" >&2; exit 1; }
moments="$(.venv/bin/python -c '
from tests.support.clock import MOMENTS
for m in MOMENTS:
    if m.wall is not None:
        wall, zone = m.for_server()
        print(f"{m.name}|{wall:%Y-%m-%d %H:%M:%S}|{zone}")
')"
failed=0
while IFS='|' read -r name wall zone; do
  echo "== $name: faketime '$wall'${zone:+ with TZ=$zone}"
  if ! env ${zone:+TZ=$zone} WINBACK_TEST_MOMENTS=now faketime "$wall" \
      .venv/bin/python -m pytest -q -p no:cacheprovider -m "not e2e and not faults" "$@" | tail -n 1; then
    failed=1
  fi
done <<< "$moments"
exit "$failed"
