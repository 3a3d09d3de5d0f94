#!/usr/bin/env bash
# hcert CSV benchmark: convert the 1-minute bench recording (zstd MCAP, 1 kHz, 40 joints) to CSV
# and read the CSV back, in a fresh JVM per run (CsvRoundTrip). Prints the median of RUNS runs per
# phase: source (reading the MCAP once, the reference), columns (a pass finding the CSV columns),
# write (a pass writing each message as a row), read (CSV -> messages), and "write - source", the
# writer's own cost, worked out within each run. See docs/performance.md, "CSV".
#
#   bench/csv.sh                 # 5 runs
#   RUNS=9 bench/csv.sh
#
# Environment: BENCH_DIR (recordings, default /tmp/hcert-bench), RUNS (default 5), MINUTES (length of
# the recording, default 1), HEAP (the JVM's -Xmx, default 256m: a fixed heap shows that memory does
# not grow with the recording), BENCH_CP (class path to time instead of this checkout's build; the
# build is skipped then).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/hcert-bench}"
runs="${RUNS:-5}"
minutes="${MINUTES:-1}"
heap="${HEAP:-256m}"
mkdir -p "$dir"
if [[ -z "${BENCH_CP:-}" ]]; then
  echo "building hcert and the bench module..." >&2
  (cd "$root" && mvn -q -B -ntp -pl bench -am package -DskipTests) >&2
fi
cp="${BENCH_CP:-$root/bench/target/hcert-bench-0.1.0.jar:$root/bench/target/lib/*}"
source="$dir/hb40-${minutes}min-zstd.mcap"
if [[ ! -f "$source" ]]; then
  java -cp "$cp" org.hcert.bench.GenerateRecordings "$minutes" "$dir" zstd >&2
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
out="$(mktemp)"
trap 'rm -f "$out" "$dir/csv-bench.csv"' EXIT
for ((i = 0; i < runs; i++)); do
  java -Xmx"$heap" -cp "$cp" org.hcert.bench.CsvRoundTrip "$source" "$dir/csv-bench.csv" >> "$out"
done
echo "| phase | messages | MB | s | MB/s | messages/s |"
echo "|---|---|---|---|---|---|"
for phase in source columns write read; do
  col() { awk -v p="$phase" -v c="$1" '$1 == p {print $c}' "$out"; }
  printf '| %s | %s | %.1f | %s | %s | %s |\n' "$phase" "$(col 2 | head -1)" "$(col 3 | head -1 | awk '{print $1 / 1e6}')" \
    "$(col 4 | median)" "$(col 5 | median)" "$(col 6 | median)"
done
# Each run prints source, columns, write, read in this order: pair its write with its source.
printf '| write - source | | | %s | | |\n' \
  "$(awk '$1 == "source" {s = $4} $1 == "write" {printf "%.3f\n", $4 - s}' "$out" | median)"
