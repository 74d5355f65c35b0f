#!/usr/bin/env bash
# The end-to-end layer: every spec in tests/e2e/specs, in Chromium
# (playwright-core), Firefox ESR (puppeteer-core, WebDriver BiDi) and
# WebKitGTK (selenium-webdriver, WebKitWebDriver under Xvfb) at the same
# time, against one build: dist/, or KONTOR_DIST.
#   scripts/test-e2e.sh [ENGINE ...]     (default: chromium firefox webkit)
# Each spec file has its own server, browser and fresh profile and waits
# for what it checks (no sleeps), so engines and files do not disturb each
# other. A spec file that fails is run once more, alone, and the summary
# names it: a failure that repeats fails the layer, one that does not is
# reported as a flake rather than hidden.
# Writes target/test-logs/e2e-ENGINE.log (and .retry.log); prints the logs,
# then one line per engine: "ENGINE<TAB>verdict<TAB>seconds<TAB>passed<TAB>failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p target/test-logs
logs=$PWD/target/test-logs
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(chromium firefox webkit)
# One spec file per engine per two cores: a spec mostly waits for its
# browser, and more at once made the browsers starve each other.
files=$(($(nproc) / 2))
[ "$files" -ge 1 ] || files=1

count() { awk -v k="$1" '$1=="ℹ" && $2==k {n=$3} END{print n+0}' "$2" 2>/dev/null || echo 0; }
# The spec files with a failure: "test at specs/x.test.mjs:55:1" lines and
# whole-file failures ("✖ /…/specs/x.test.mjs").
failed_files() {
  { sed -n 's/^test at \(specs\/[^:]*\):.*/\1/p' "$1"
    sed -n 's/^✖ .*\/\(specs\/[^ ]*\.test\.mjs\) .*/\1/p' "$1"; } | sort -u
}

run_engine() {
  local e=$1 from=$SECONDS log=$logs/e2e-$1.log
  (cd tests/e2e && KONTOR_ENGINE=$e node --test --test-concurrency="$files" --test-reporter=spec specs/) >"$log" 2>&1
  local rc=$? pass fail skip verdict retry
  pass=$(count pass "$log"); fail=$(count fail "$log"); skip=$(count skipped "$log")
  if [ "$rc" = 0 ] && [ "$pass" -gt 0 ]; then
    verdict="ok ($pass passed, $skip skipped)"
  else
    mapfile -t retry < <(failed_files "$log")
    if [ "$pass" -gt 0 ] && [ ${#retry[@]} -gt 0 ] &&
      (cd tests/e2e && KONTOR_ENGINE=$e node --test --test-concurrency=1 --test-reporter=spec "${retry[@]}") >"$logs/e2e-$e.retry.log" 2>&1; then
      verdict="ok ($pass passed, $skip skipped; $fail failed, then passed alone: ${retry[*]#specs/})"
      fail=0
    else
      verdict="FAILED ($pass passed, $fail failed)"
      [ "$fail" -gt 0 ] || fail=1
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$e" "$verdict" "$((SECONDS - from))" "$pass" "$fail" >"$logs/e2e-$e.summary"
}

for e in "${engines[@]}"; do rm -f "$logs/e2e-$e".{log,retry.log,summary}; done
for e in "${engines[@]}"; do run_engine "$e" & done
wait
status=0
for e in "${engines[@]}"; do
  printf '\n\033[1m-- %s --\033[0m\n' "$e"
  cat "$logs/e2e-$e.log"
  [ -f "$logs/e2e-$e.retry.log" ] && { echo "-- $e: the failed files once more --"; cat "$logs/e2e-$e.retry.log"; }
done
echo
for e in "${engines[@]}"; do
  line=$(cat "$logs/e2e-$e.summary" 2>/dev/null || printf '%s\tFAILED (no result)\t0\t0\t1' "$e")
  echo "$line"
  [ "$(cut -f5 <<<"$line")" = 0 ] || status=1
done
exit $status
