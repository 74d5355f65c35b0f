#!/usr/bin/env bash
# Prints the release bundle's size (wasm, JS, CSS), raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run trunk build --release first"; exit 1; }
printf 'bundle size (release):\n'
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  awk -v n="$(basename "$f")" -v r="$raw" -v g="$gz" 'BEGIN{printf "  %-40s %8.1f KiB raw %8.1f KiB gzip\n", n, r/1024, g/1024}'
done
