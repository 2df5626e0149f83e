#!/usr/bin/env bash
# Set up (once) and run every winback test, in four lanes side by side on the machine's cores:
#   here:    unit tests, every page in AppTest (date-dependent tests at every awkward moment of
#            tests/support/clock.py, some of them in Kiritimati (UTC+14), Los Angeles, London or New York) and the
#            state machines;
#   browser: the journeys in headless Chromium (marker e2e);
#   bench:   the benchmark's smoke run (marker bench) and the browser tests marked sidelane (keyboard, disguise,
#            accessibility), which mostly wait on their own servers;
#   faults:  the fault suite (marker faults: kill -9, threads and processes, full disk, read-only folder), once:
#            it tests processes and files, not dates; then the unit and AppTest suites again, at the real time,
#            under TZ=Pacific/Kiritimati, where the day is another than in UTC for 14 hours of every 24.
# The state machines (marker machine) run once: they drive the same pages as tests/pages.
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

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
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

echo "Running the unit/AppTest, browser, benchmark and fault lanes side by side…"
# The here lane is the one that keeps a core busy all the time; the browser lanes mostly wait for their pages,
# and the fault lane for its processes. The time-zone pass leaves out the tests marked timeless (property tests
# of quiz scoring, zip bombs): no date or clock in them.
zone=(-q -m "not e2e and not faults and not machine and not timeless")
(
  pass here -- -m "not e2e and not faults"
) &
(
  pass browser -- -m "e2e and not bench and not sidelane"
) &
(
  pass bench -- -m "bench or sidelane"
) &
(
  pass faults -- -m "faults and not e2e"
  pass tz-kiritimati TZ=Pacific/Kiritimati WINBACK_TEST_MOMENTS=now -- "${zone[@]}"
) &
wait

failed=0
summary=()
for name in here faults tz-kiritimati browser bench; do
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
