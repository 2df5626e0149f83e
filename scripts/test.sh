#!/usr/bin/env bash
# Set up (once) and run every winback test, in three lanes side by side on the machine's two cores:
#   here:    unit tests, every page in AppTest (date-dependent tests at every awkward moment of
#            tests/support/clock.py) and the state machines, all under TZ=Pacific/Kiritimati (UTC+14, where the
#            day is another than in UTC for 14 hours of every 24); some moments carry their own zone (Los Angeles,
#            London, New York), which they set for the process while they last;
#   browser: the journeys in headless Chromium (marker e2e);
#   bench:   the benchmark's smoke run (marker bench) and the browser tests marked sidelane (keyboard, disguise,
#            accessibility, app lock), which mostly wait on their own servers; then the fault suite (marker faults:
#            kill -9, threads and processes, full disk, read-only folder), once: it tests processes and files.
# With arguments, runs only `pytest <arguments>` (e.g. `bash scripts/test.sh tests/pages -q`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if ! .venv/bin/python -c 'import sys; from tests.support.devserver import chromium_path; sys.exit(chromium_path() is None)'; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "No system Chromium found; using Playwright's own browser."
    .venv/bin/python -m playwright install chromium
  fi
fi
if [ "$#" -gt 0 ]; then
  exec .venv/bin/python -m pytest "$@"
fi

# The tests' folders in memory where the machine has room there (/dev/shm, 4 GB or more free): winback fsyncs
# every write, and on a shared disk that waiting was a large part of the unit lane. Else the usual temporary folder.
base="${TMPDIR:-/tmp}"
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df --output=avail -k /dev/shm 2>/dev/null | tail -n 1)" -ge 4194304 ] 2>/dev/null; then
  base=/dev/shm
fi
work="$(mktemp -d -p "$base")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
# Open to other users as /tmp is: the fault suite's read-only folders are read by user nobody when run as root.
chmod 755 "$work"
chmod 1777 "$work/tmp"
export TMPDIR="$work/tmp"  # the benchmark's folders, the browsers' profiles: there too
pass() {  # pass NAME [VAR=value…] -- pytest arguments…: one pytest run, its output kept in $work/NAME.log
  local name="$1"; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local status=0
  env ${envs[@]+"${envs[@]}"} .venv/bin/python -m pytest -p no:cacheprovider --basetemp="$work/tmp-$name" "$@" \
    >"$work/$name.log" 2>&1 || status=$?
  echo "$status" >"$work/$name.status"
  echo "· $name finished (exit $status)"
}

echo "Running the unit/AppTest, browser and benchmark lanes side by side…"
# Measured in CI (stop 23): here 637 s, browser 591 s, bench 387 s, on top of two time-zone passes of 77 and 206 s;
# four lanes (this session) made every lane slower (here 804 s, browser 790 s): two cores share them. The here
# lane now runs in Kiritimati itself instead of a second pass, and the faults follow the benchmark.
(
  pass here TZ=Pacific/Kiritimati -- -m "not e2e and not faults"
) &
(
  pass browser -- -m "e2e and not bench and not sidelane"
) &
(
  pass bench -- -m "bench or sidelane"
  pass faults -- -m "faults and not e2e"
) &
wait

failed=0
summary=()
for name in here browser bench faults; do
  echo
  echo "======================== $name ========================"
  cat "$work/$name.log"
  status="$(cat "$work/$name.status")"
  [ "$status" = "0" ] || failed=1
  summary+=("$name: $(grep -E '[0-9]+ (passed|failed)' "$work/$name.log" | tail -n 1 | tr -d '=' | xargs) (exit $status)")
done
echo
printf '%s\n' "${summary[@]}"
exit "$failed"
