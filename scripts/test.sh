#!/usr/bin/env bash
# Runs every test layer of Kontor, after setting up what they need:
#   1. native: cargo fmt --check, clippy (host and wasm32, -D warnings), cargo test
#   2. browser: wasm-bindgen-test in headless Chromium (IndexedDB store suite)
#   3. end-to-end: every spec in tests/e2e/specs against the app built with
#      the wasm-test profile (in the background from the start, in
#      target/wasm-test, which the browser layer then reuses), in three
#      engines at once: Debian's Chromium (playwright-core), Firefox ESR
#      (puppeteer-core, WebDriver BiDi) and WebKitGTK (selenium-webdriver,
#      WebKitWebDriver under Xvfb)
# Prints a summary line per layer and exits non-zero if any layer fails or ran
# no test.
set -uo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (trunk, wasm-bindgen) and npm ones (wasm-opt).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
# A clean checkout (CI) builds once: incremental caches would only add
# gigabytes to the disk and time to the build. Runs on an existing target
# keep them.
clean_run=0
[ -d target ] || { clean_run=1; export CARGO_INCREMENTAL=0; }

# On a clean checkout each layer's build is removed once the layer has run:
# no later layer reads it, and together they outgrew the free disk of a CI
# machine (the browser layer's wasm-bindgen failed with "No space left on
# device" at 2 GB free). Runs on an existing target keep their caches.
free_layer() {
  [ "$clean_run" = 1 ] && rm -rf "$@"
  return 0
}

mkdir -p target/test-logs
declare -A RESULT TOOK
status=0
# Each layer's wall time for the summary (CI has 90 minutes; the setup's
# first run compiles Trunk and wasm-bindgen-cli).
took() { TOOK[$1]="$(((SECONDS - $2) / 60))m$(((SECONDS - $2) % 60))s"; }
start=$SECONDS
./scripts/setup.sh || { echo "setup failed"; exit 1; }
took setup "$start"

# The app for the end-to-end layer is built now, beside the native layer:
# it needs nothing that layer makes, and compiling the library keeps one
# core busy for minutes. Profile wasm-test (Cargo.toml): release semantics,
# a cheap optimiser, no wasm-opt; the browser layer's suite reuses its
# crates. Its own target directory, or one cargo would wait for the other's
# lock; the crates are fetched first, as the build runs offline. The
# shipped build (./scripts/serve.sh, trunk build --release) and its size
# (scripts/bundle-size.sh) are measured outside the test command.
cargo fetch --quiet || echo "cargo fetch failed; the app build may not find its crates"
(
  CARGO_TARGET_DIR=target/wasm-test trunk build --offline --cargo-profile wasm-test >target/test-logs/trunk.log 2>&1
  echo $? >target/test-logs/trunk.rc
) &
trunk_pid=$!

# Counts "test result: ok. N passed; M failed" lines of cargo test output.
cargo_counts() {
  awk '/^test result:/{for(i=1;i<=NF;i++){if($i=="passed;")p+=$(i-1); if($i=="failed;")f+=$(i-1)}} END{printf "%d %d", p, f}' "$1"
}

# The header of a layer, with the disk space left (a full disk makes the
# linker crash rather than say so).
layer() {
  printf '\n\033[1m== %s ==\033[0m\n' "$*"
  df -h . | awk 'NR==2{print "disk: " $4 " free of " $2}'
}

# ---- 1. native ------------------------------------------------------------
layer "native: fmt, clippy, cargo test"
start=$SECONDS
native_ok=1
cargo fmt --check || { echo "cargo fmt --check failed"; native_ok=0; }
cargo clippy --all-targets --quiet -- -D warnings || native_ok=0
cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser --quiet -- -D warnings || native_ok=0
cargo test --quiet --no-fail-fast 2>&1 | tee target/test-logs/native.log
[ "${PIPESTATUS[0]}" = 0 ] || native_ok=0
read -r np nf <<<"$(cargo_counts target/test-logs/native.log)"
if [ "$native_ok" = 1 ] && [ "$np" -gt 0 ] && [ "$nf" = 0 ]; then RESULT[native]="ok ($np passed)"; else RESULT[native]="FAILED ($np passed, $nf failed)"; status=1; fi
took native "$start"
free_layer target/debug target/wasm32-unknown-unknown/debug

# ---- 2. browser -----------------------------------------------------------
layer "browser: wasm-bindgen-test in headless Chromium"
start=$SECONDS
# The suite's build reuses the app build's crates: wait for it (cargo's
# lock would wait too, but silently).
wait "$trunk_pid"
./scripts/test-browser.sh 2>&1 | tee target/test-logs/browser.log
browser_rc=${PIPESTATUS[0]}
read -r bp bf <<<"$(cargo_counts target/test-logs/browser.log)"
if [ "$browser_rc" = 0 ] && [ "$bp" -gt 0 ] && [ "$bf" = 0 ]; then RESULT[browser]="ok ($bp passed)"; else RESULT[browser]="FAILED ($bp passed, $bf failed)"; status=1; fi
took browser "$start"

# ---- 3. end-to-end --------------------------------------------------------
layer "end-to-end: the whole suite in Chromium, Firefox ESR and WebKitGTK"
start=$SECONDS
e2e_ok=1
[ "$(cat target/test-logs/trunk.rc 2>/dev/null)" = 0 ] || { e2e_ok=0; tail -40 target/test-logs/trunk.log; }
grep -h 'Finished' target/test-logs/trunk.log
tail -2 target/test-logs/trunk.log
[ -f dist/index.html ] || e2e_ok=0
if [ "$e2e_ok" = 1 ]; then
  # The three engines at once, against this one build (scripts/test-e2e.sh).
  ./scripts/test-e2e.sh 2>&1 | tee target/test-logs/e2e.log
fi
e2e_lines=()
ep=0 ef=0
for e in chromium firefox webkit; do
  IFS=$'\t' read -r _ verdict secs p f <"target/test-logs/e2e-$e.summary" 2>/dev/null ||
    { verdict="FAILED (not run)" secs=0 p=0 f=1; }
  [ "$e2e_ok" = 1 ] && [ "$f" = 0 ] && [ "$p" -gt 0 ] || { status=1; [ "$f" -gt 0 ] || f=1; }
  e2e_lines+=("$(printf '  %-10s %-24s %s' "e2e $e" "$verdict" "$((secs / 60))m$((secs % 60))s")")
  ep=$((ep + p)); ef=$((ef + f))
done

# ---- summary --------------------------------------------------------------
took e2e "$start"

layer "summary"
printf '  %-10s %-24s %s\n' setup "" "${TOOK[setup]}" native "${RESULT[native]}" "${TOOK[native]}" \
  browser "${RESULT[browser]}" "${TOOK[browser]}"
printf '%s\n' "${e2e_lines[@]}"
printf '  %-10s %-24s %s\n' "e2e (all)" "" "${TOOK[e2e]}"
echo "  total: $((SECONDS / 60))m$((SECONDS % 60))s"
echo "  screenshots: tests/e2e/artifacts/"
printf '%d passed, %d failed\n' "$((np + bp + ep))" "$((nf + bf + ef))"
exit $status
