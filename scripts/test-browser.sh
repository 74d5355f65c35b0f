#!/usr/bin/env bash
# Runs the store's browser tests (tests/browser/) in headless Chromium via
# wasm-bindgen-test-runner. Installs nothing: expects wasm-bindgen-cli
# 0.2.130 on PATH and chromedriver at $CHROMEDRIVER (default
# /usr/bin/chromedriver). Chromium flags come from webdriver.json, which
# the runner reads from the crate root. The benchmark (not run here):
#   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
#   WASM_BINDGEN_TEST_TIMEOUT=900 cargo test --target wasm32-unknown-unknown \
#   --test browser_bench -- --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
unset NO_HEADLESS
# The wasm32 build the end-to-end layer's app build (scripts/test.sh) also
# makes, in its own target directory: the suite then compiles only itself.
# `--release` among the arguments (the timings in BENCHMARKS.md) replaces
# that profile.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/wasm-test}"
profile=(--profile wasm-test)
for arg in "$@"; do [ "$arg" = --release ] && profile=(); done
exec cargo test "${profile[@]}" --target wasm32-unknown-unknown --test browser "$@"
