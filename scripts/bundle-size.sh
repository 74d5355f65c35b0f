#!/usr/bin/env bash
# Prints a release bundle's size (wasm, JS, CSS), raw and gzipped.
# Usage: scripts/bundle-size.sh [dist directory, default dist/]
set -euo pipefail
dir=${1:-$(dirname "$0")/../dist}
[ -d "$dir" ] || { echo "no $dir: run trunk build --release first"; exit 1; }
printf 'bundle size (release, %s):\n' "$dir"
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  awk -v n="$(basename "$f")" -v r="$raw" -v g="$gz" 'BEGIN{printf "  %-40s %8.1f KiB raw %8.1f KiB gzip\n", n, r/1024, g/1024}'
done
