#!/usr/bin/env bash
# hcert benchmark: MCAP decode throughput (hcert's raw reader vs @mcap/core on Node.js), full
# `hcert certify` wall time including JVM start, CPU time and peak RSS, on deterministic 1 kHz
# recordings of the 40-joint bench humanoid (1, 10 and 60 minutes). Figures are medians of RUNS
# runs. See docs/performance.md.
#
#   bench/run.sh                       # everything (about an hour on 2 cores; recordings ~30 GB)
#   RUNS=3 MINUTES="1 10" bench/run.sh # quicker
#
# Environment: BENCH_DIR (recordings and results, default /tmp/hcert-bench), RUNS (default 5),
# MINUTES (default "1 10 60"), RUNS_LONG (runs for recordings over 10 minutes, default 1),
# NDJSON_MAX_MINUTES (longest recording also written as NDJSON, default 10: 60 minutes of NDJSON
# is about 12 GB), DECODE_MINUTES (recording used for the decode benchmark, default 10).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/hcert-bench}"
runs="${RUNS:-5}"
runs_long="${RUNS_LONG:-1}"
minutes="${MINUTES:-1 10 60}"
ndjson_max="${NDJSON_MAX_MINUTES:-10}"
decode_minutes="${DECODE_MINUTES:-10}"
mkdir -p "$dir"
results="$dir/results.md"

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (apt package time) for peak RSS..." >&2
  apt-get install -y -q time >&2 || (apt-get update -q >&2 && apt-get install -y -q time >&2)
fi
echo "building hcert and the bench module..." >&2
(cd "$root" && mvn -q -B -ntp -pl bench -am package -DskipTests) >&2
if [[ ! -d "$root/bench/node/node_modules/@mcap/core" ]]; then
  echo "installing @mcap/core (pinned in bench/node/package-lock.json)..." >&2
  (cd "$root/bench/node" && npm ci --no-audit --no-fund --ignore-scripts) >&2
fi
bench_cp="$root/bench/target/hcert-bench-0.1.0.jar:$root/bench/target/lib/*"

for m in $minutes; do
  formats=()
  [[ -f "$dir/hb40-${m}min-zstd.mcap" ]] || formats+=(zstd)
  [[ -f "$dir/hb40-${m}min-none.mcap" ]] || formats+=(none)
  if (( m <= ndjson_max )) && [[ ! -f "$dir/hb40-${m}min.ndjson" ]]; then formats+=(ndjson); fi
  if (( ${#formats[@]} > 0 )); then
    echo "generating $m min: ${formats[*]}" >&2
    java -cp "$bench_cp" org.hcert.bench.GenerateRecordings "$m" "$dir" "${formats[@]}" >&2
  fi
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Decode: each run is a fresh process; the figure is measured inside it (open to last message).
decode_row() { # name file mode command...
  local name="$1" file="$2" mode="$3"; shift 3
  local out mbs=() msgs=() i
  for ((i = 0; i < runs; i++)); do
    out="$("$@" "$file" "$mode")"
    mbs+=("$(awk '{print $5}' <<<"$out")"); msgs+=("$(awk '{print $6}' <<<"$out")")
  done
  printf '| %s | %s | %s | %s | %s |\n' "$(basename "$file")" "$mode" "$name" \
    "$(printf '%s\n' "${mbs[@]}" | median)" "$(printf '%s\n' "${msgs[@]}" | median)"
}

# Certify: wall time (JVM start included), user+sys CPU and peak RSS from GNU time.
certify_row() { # file n html
  local file="$1" n="$2" html="$3" i walls=() cpus=() rss=() code=0 t
  local extra=(--no-html); [[ "$html" == yes ]] && extra=()
  for ((i = 0; i < n; i++)); do
    rm -rf "$dir/out"
    # Through the ./hcert launcher, as a user runs it: its JVM options (HCERT_JAVA_OPTS overrides
    # them) and its class-data sharing archive, made by the warm-up run below.
    /usr/bin/time -o "$dir/time.txt" -f "%e %U %S %M" "$root/hcert" certify \
      --robot "$root/bench/robot-40dof.yaml" --standard "$root/profiles/standards/heis-2026.yaml" \
      --lab "$root/profiles/labs/demo-lab.yaml" --recording "$file" --out "$dir/out" "${extra[@]}" \
      > "$dir/certify.log" 2>&1 || code=$?
    t="$(tail -1 "$dir/time.txt")"
    walls+=("$(awk '{print $1}' <<<"$t")"); cpus+=("$(awk '{print $2 + $3}' <<<"$t")")
    rss+=("$(awk '{printf "%.0f", $4 / 1024}' <<<"$t")")
  done
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$(basename "$file")" \
    "$(awk '{printf "%.0f", $1 / 1e6}' <<<"$(stat -c %s "$file")")" "$html" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" \
    "$(grep -o 'overall: *[A-Z_]*' "$dir/certify.log" | awk '{print $2}') (exit $code)"
}

# Warm-up: the launcher's first certify after a build writes its class-data sharing archive.
"$root/hcert" certify --robot "$root/profiles/robots/hc1-demo.yaml" --standard "$root/profiles/standards/heis-2026.yaml" \
  --lab "$root/profiles/labs/demo-lab.yaml" --recording "$root/samples/recordings/conformant.mcap" --out "$dir/out" \
  --no-html > /dev/null 2>&1 || true

{
  echo "## Run of $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;"
  echo "$(java -version 2>&1 | head -1); Node $(node --version); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command: \`RUNS=$runs RUNS_LONG=$runs_long MINUTES=\"$minutes\" bench/run.sh\`; medians of $runs runs ($runs_long for recordings over 10 min)."
  echo
  echo "### Decode (no body decoding), ${decode_minutes}-minute recording"
  echo
  echo "| file | mode | reader | MB/s (file bytes) | messages/s |"
  echo "|---|---|---|---|---|"
  for f in zstd none; do
    for mode in stream indexed; do
      file="$dir/hb40-${decode_minutes}min-$f.mcap"
      decode_row "hcert McapReader" "$file" "$mode" java -cp "$bench_cp" org.hcert.bench.RawDecode
      decode_row "@mcap/core $(node -p "require('$root/bench/node/node_modules/@mcap/core/package.json').version")" \
        "$file" "$mode" node "$root/bench/node/read.mjs"
    done
  done
  echo
  echo "### hcert certify (JVM start included)"
  echo
  echo "| recording | MB | HTML | wall s | CPU s (user+sys) | peak RSS MiB | result |"
  echo "|---|---|---|---|---|---|---|"
  for m in $minutes; do
    n="$runs"; (( m > 10 )) && n="$runs_long"
    for f in "$dir/hb40-${m}min-zstd.mcap" "$dir/hb40-${m}min-none.mcap" "$dir/hb40-${m}min.ndjson"; do
      [[ -f "$f" ]] && certify_row "$f" "$n" no
    done
    if (( m == 10 )); then certify_row "$dir/hb40-${m}min-zstd.mcap" "$n" yes; fi
  done
} | tee "$results"
echo "results: $results" >&2
