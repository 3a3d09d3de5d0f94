#!/usr/bin/env bash
# hcert CSV benchmark: convert the 1-minute bench recording (zstd MCAP, 1 kHz, 40 joints) to CSV
# and read the CSV back, in a fresh JVM per run (CsvRoundTrip). Prints the median of RUNS runs per
# phase, wall and process CPU time: source (reading the MCAP once, the reference), columns (a pass
# finding the CSV columns), write (a pass writing each message as a row), read (CSV -> messages), and
# "write - source", the writer's own cost, worked out within each run. See docs/performance.md, "CSV".
#
#   bench/csv.sh                                  # this checkout, 5 runs
#   RUNS=9 BEFORE_CP="/tmp/old/*" bench/csv.sh    # and another build, run by run in turn
#
# Environment: BENCH_DIR (recordings, default /tmp/hcert-bench), CSV_DIR (where the CSV is written
# and read back, default BENCH_DIR; /dev/shm keeps disk writeback out of the figures), RUNS (default 5), MINUTES (length of
# the recording, default 1), HEAP (the JVM's -Xmx, default 256m: a fixed heap shows that memory does
# not grow with the recording), BENCH_CP (class path to time instead of this checkout's build; the
# build is skipped then), BEFORE_CP (a second class path, e.g. an older hcert-telemetry jar with this
# bench jar and its lib/; each run times it right before the first, so that both see the same load
# on a shared machine).
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
out="$(mktemp -d)"
csv="${CSV_DIR:-$dir}/csv-bench.csv"
trap 'rm -rf "$out" "$csv"' EXIT
labels=(after)
[[ -n "${BEFORE_CP:-}" ]] && labels=(before after)
for ((i = 0; i < runs; i++)); do
  for label in "${labels[@]}"; do
    run_cp="$cp"; [[ "$label" == before ]] && run_cp="$BEFORE_CP"
    java -Xmx"$heap" -cp "$run_cp" org.hcert.bench.CsvRoundTrip "$source" "$csv" >> "$out/$label"
  done
done
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); $(java -version 2>&1 | head -1);"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs runs, -Xmx$heap."
for label in "${labels[@]}"; do
  echo
  [[ "${#labels[@]}" -gt 1 ]] && echo "$label:" && echo
  echo "| phase | messages | MB | wall s | CPU s | MB per CPU s | messages per CPU s |"
  echo "|---|---|---|---|---|---|---|"
  for phase in source columns write read; do
    col() { awk -v p="$phase" -v c="$1" '$1 == p {print $c}' "$out/$label"; }
    cpu="$(col 5 | median)"
    printf '| %s | %s | %.1f | %s | %s | %.1f | %.0f |\n' "$phase" "$(col 2 | head -1)" "$(col 3 | head -1 | awk '{print $1 / 1e6}')" \
      "$(col 4 | median)" "$cpu" "$(col 3 | head -1 | awk -v t="$cpu" '{print $1 / 1e6 / t}')" \
      "$(col 2 | head -1 | awk -v t="$cpu" '{print $1 / t}')"
  done
  # Each run prints source, columns, write, read in this order: pair its write with its source.
  printf '| write - source | | | %s | %s | | |\n' \
    "$(awk '$1 == "source" {s = $4} $1 == "write" {printf "%.3f\n", $4 - s}' "$out/$label" | median)" \
    "$(awk '$1 == "source" {s = $5} $1 == "write" {printf "%.3f\n", $5 - s}' "$out/$label" | median)"
done
