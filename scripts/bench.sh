#!/usr/bin/env bash
# Kontor side by side with hledger and ledger on generated demo books
# (issue 8). Not part of scripts/test.sh. See BENCHMARKS.md.
#
#   scripts/bench.sh [SIZE ...]        default sizes: 10000 100000 250000
#
# For each size (entries of the demo company, seed 1, SKR03):
#   1. kontor-cli generate writes the books twice: target/bench/$VAT/<size>/log/
#      (Kontor's log, the store's blocks) and books.journal (hledger/ledger).
#   2. Times RUNS runs (median) of each command below, with the peak RSS of
#      each run from /usr/bin/time; the data is read from the page cache
#      (one untimed warm-up run each).
#   3. Checks that all three print the same balance for every account, to
#      the cent, and stops if not.
# Prints one Markdown table (also written to target/bench/$VAT/results.md).
#
# Environment: RUNS (default 5), SLOW_RUNS (runs for sizes >= 250000,
# default 3), SKIP_HLEDGER_ABOVE (largest size hledger runs for, default
# 250000), THREADS (kontor-cli reader threads, default: one per core),
# VAT (how the books carry VAT: "lines", the default, one VAT line per rate
# and invoice, about 4 postings per entry as in issue 8's reference
# figures; or "codes", tax codes on the lines as the app's demo company,
# the engine adding a tax line per taxed line).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export LC_ALL=C.UTF-8  # hledger (GHC) reads the journal in the locale's encoding

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 250000)
RUNS=${RUNS:-5}
SLOW_RUNS=${SLOW_RUNS:-3}
SKIP_HLEDGER_ABOVE=${SKIP_HLEDGER_ABOVE:-250000}
VAT=${VAT:-lines}
OUT=target/bench/$VAT
mkdir -p "$OUT"

for tool in hledger ledger /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "bench: $tool is missing (apt-get install hledger ledger time)" >&2
    exit 1
  }
done

# The native CLI, optimised for speed: the release profile is tuned for
# the wasm bundle's size (opt-level "z", panic=abort), so the benchmark
# builds with opt-level 3 into its own target directory.
echo "== building kontor-cli (release, opt-level 3)" >&2
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_PANIC=unwind \
  cargo build --quiet --release --bin kontor-cli --target-dir target/bench-build
CLI=target/bench-build/release/kontor-cli
THREAD_ARGS=()
[ -z "${THREADS:-}" ] || THREAD_ARGS=(--threads "$THREADS")

# norm AMOUNT: exactly two decimals, no thousands separators, no "-0.00".
NORM='function norm(x) { gsub(/,/, "", x); if (x !~ /\./) x = x ".00"; else if (x ~ /\.[0-9]$/) x = x "0"; return x }'

kontor_balances() { awk -F'\t' 'NR > 1 && $1 !~ /^#/ && $4 != "0.00" && $4 != "-0.00" { print $1 "\t" $4 }' "$1" | sort; }
hledger_balances() {
  tail -n +2 "$1" | sed 's/^"//; s/"$//' |
    awk -F'","' "$NORM"' { split($1, a, " "); v = $2; sub(/ EUR$/, "", v); print a[1] "\t" norm(v) }' | sort
}
ledger_balances() { awk -F'\t' "$NORM"' { split($1, a, " "); print a[1] "\t" norm($2) }' "$1" | sort; }

# median: of sorted numbers on stdin.
median() { awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME RUNS CMD...: warm-up, then RUNS timed runs; prints
# "median_wall_s min_wall_s median_cpu_s peak_rss_mb" (cpu = user + sys,
# which a busy shared machine disturbs less than wall time) and leaves the
# last run's stdout in $OUT/NAME.out
measure() {
  local name=$1 runs=$2
  shift 2
  "$@" >"$OUT/$name.out"
  local i start end
  : >"$OUT/$name.runs"
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$OUT/$name.rss" "$@" >"$OUT/$name.out"
    end=$(date +%s%N)
    echo "$(((end - start) / 1000)) $(tail -n 1 "$OUT/$name.rss")" >>"$OUT/$name.runs"
  done
  local wall cpu kb
  wall=$(awk '{ print $1 / 1e6 }' "$OUT/$name.runs" | sort -g | median)
  cpu=$(awk '{ print $3 + $4 }' "$OUT/$name.runs" | sort -g | median)
  kb=$(awk '$2 > kb { kb = $2 } END { print kb }' "$OUT/$name.runs")
  awk -v w="$wall" -v c="$cpu" -v kb="$kb" -v min="$(awk '{ print $1 / 1e6 }' "$OUT/$name.runs" | sort -g | head -n 1)" \
    'BEGIN { printf "%.3f %.3f %.2f %.0f\n", w, min, c, kb / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f×", b / a; else print "–" }'; }

TABLE="$OUT/results.md"
{
  echo "| book | tool | median s | min s | CPU s | runs | peak RSS MB | tool ÷ Kontor (time) | tool ÷ Kontor (RSS) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$TABLE"

for size in "${SIZES[@]}"; do
  dir="$OUT/$size"
  echo "== $size entries: generating into $dir" >&2
  summary=$("$CLI" generate --entries "$size" --seed 1 --vat "$VAT" --out "$dir")
  lines=$(sed -E 's/.* ([0-9]+) lines.*/\1/' <<<"$summary")
  runs=$RUNS
  ((size >= 250000)) && runs=$SLOW_RUNS
  book="$size entries / $lines lines ($VAT)"
  echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

  echo "   kontor-cli balance" >&2
  read -r k_med k_min k_cpu k_mb < <(measure "kontor-$size" "$runs" "$CLI" balance "${THREAD_ARGS[@]}" "$dir")
  echo "   kontor-cli balance --threads 1" >&2
  read -r k1_med k1_min k1_cpu k1_mb < <(measure "kontor1-$size" "$runs" "$CLI" balance --threads 1 "$dir")
  echo "   ledger balance" >&2
  read -r l_med l_min l_cpu l_mb < <(measure "ledger-$size" "$runs" ledger -f "$dir/books.journal" balance --flat --no-total \
    --balance-format '%(account)\t%(quantity(scrub(display_total)))\n')

  kontor_balances "$OUT/kontor-$size.out" >"$OUT/kontor-$size.tsv"
  kontor_balances "$OUT/kontor1-$size.out" >"$OUT/kontor1-$size.tsv"
  ledger_balances "$OUT/ledger-$size.out" >"$OUT/ledger-$size.tsv"
  diff -u "$OUT/kontor-$size.tsv" "$OUT/kontor1-$size.tsv" >&2 || { echo "bench: Kontor's readers disagree" >&2; exit 1; }
  diff -u "$OUT/kontor-$size.tsv" "$OUT/ledger-$size.tsv" >&2 || { echo "bench: ledger disagrees with Kontor" >&2; exit 1; }
  accounts=$(wc -l <"$OUT/kontor-$size.tsv")

  {
    echo "| $book | Kontor \`kontor-cli balance\` | $k_med | $k_min | $k_cpu | $runs | $k_mb | 1.0× | 1.0× |"
    echo "| $book | Kontor \`kontor-cli balance --threads 1\` | $k1_med | $k1_min | $k1_cpu | $runs | $k1_mb | $(ratio "$k_med" "$k1_med") | $(ratio "$k_mb" "$k1_mb") |"
    echo "| $book | ledger 3.3 \`balance\` | $l_med | $l_min | $l_cpu | $runs | $l_mb | $(ratio "$k_med" "$l_med") | $(ratio "$k_mb" "$l_mb") |"
  } >>"$TABLE"

  if ((size <= SKIP_HLEDGER_ABOVE)); then
    echo "   hledger balance" >&2
    read -r h_med h_min h_cpu h_mb < <(measure "hledger-$size" "$runs" hledger -f "$dir/books.journal" balance --flat --no-total -O csv)
    hledger_balances "$OUT/hledger-$size.out" >"$OUT/hledger-$size.tsv"
    diff -u "$OUT/kontor-$size.tsv" "$OUT/hledger-$size.tsv" >&2 || { echo "bench: hledger disagrees with Kontor" >&2; exit 1; }
    echo "| $book | hledger 1.25 \`balance\` | $h_med | $h_min | $h_cpu | $runs | $h_mb | $(ratio "$k_med" "$h_med") | $(ratio "$k_mb" "$h_mb") |" >>"$TABLE"
  else
    echo "| $book | hledger 1.25 \`balance\` | not run (SKIP_HLEDGER_ABOVE=$SKIP_HLEDGER_ABOVE) | | | | | | |" >>"$TABLE"
  fi
  echo "   all tools agree on $accounts account balances, to the cent" >&2
done

echo
echo "Machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM; $(uname -sr)"
echo
cat "$TABLE"
