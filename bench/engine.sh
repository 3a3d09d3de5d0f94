#!/usr/bin/env bash
# Issue 9's measure: `hcert certify` of the 10-minute 1 kHz bench recording with every clause of the
# bundled standard, against the four clauses of the engine before the clause engine (commit
# 3062556, built in a git worktree), and the same four clauses on today's engine. Each run is a
# whole process through the ./hcert launcher (fixed heap, class-data sharing); the rounds
# alternate the three commands so that a change in the machine's load touches all three alike.
# Prints wall and CPU (user+sys) seconds per run, the medians and the ratios to "before".
#
#   bench/engine.sh            # 5 rounds
#   ROUNDS=9 bench/engine.sh
#
# Environment: BENCH_DIR (default /tmp/hcert-bench: recording, worktree, outputs), ROUNDS (5),
# BEFORE_REV (3062556). Needs git, Maven and GNU time (apt package time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/hcert-bench}"
rounds="${ROUNDS:-5}"
rev="${BEFORE_REV:-3062556}"
before="$dir/before-$rev"
recording="$dir/hb40-10min-zstd.mcap"
mkdir -p "$dir"

[[ -x /usr/bin/time ]] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }
echo "building hcert and the bench module..." >&2
(cd "$root" && mvn -q -B -ntp -pl bench,runner -am package -DskipTests) >&2
if [[ ! -f "$recording" ]]; then
  echo "generating the 10-minute recording..." >&2
  java -cp "$root/bench/target/hcert-bench-0.1.0.jar:$root/bench/target/lib/*" org.hcert.bench.GenerateRecordings 10 "$dir" zstd >&2
fi
if [[ ! -f "$before/runner/target/hcert-runner.jar" ]]; then
  echo "building the engine before the clause engine ($rev) in $before..." >&2
  [[ -d "$before" ]] || git -C "$root" worktree add -f --detach "$before" "$rev" >&2
  (cd "$before" && mvn -q -B -ntp -pl runner -am package -DskipTests) >&2
fi
# The same four clauses on today's engine: the bundled standard cut after its fourth clause.
four="$dir/heis-2026-first-four.yaml"
awk '/^  - id: / { n++ } n <= 4 { print }' "$root/profiles/standards/heis-2026.yaml" > "$four"

run() { # name hcert-root standard -> "wall cpu pass"
  local home="$2" standard="$3" out="$dir/out-$1" t
  rm -rf "$out"
  /usr/bin/time -o "$dir/time.txt" -f '%e %U %S' "$home/hcert" certify --robot "$home/bench/robot-40dof.yaml" \
      --standard "$standard" --lab "$home/profiles/labs/demo-lab.yaml" --recording "$recording" --out "$out" --no-html \
      >/dev/null 2>&1 || true
  t="$(tail -1 "$dir/time.txt")"
  local pass
  pass="$(grep -o 'one pass over .*: [0-9]* ms' "$out/hcert.log" 2>/dev/null | grep -o '[0-9]* ms$' | awk '{ printf "%.2f", $1 / 1000 }' || true)"
  awk -v p="${pass:--}" '{ printf "%.2f %.2f %s\n", $1, $2 + $3, p }' <<<"$t"
}

names=(before four all)
homes=("$before" "$root" "$root")
standards=("$before/profiles/standards/heis-2026.yaml" "$four" "$root/profiles/standards/heis-2026.yaml")
echo "warming up (the first certify of a build writes its class-data archive)..." >&2
for i in 0 1 2; do run "${names[$i]}" "${homes[$i]}" "${standards[$i]}" >/dev/null; done

declare -A wall cpu pass
for ((r = 1; r <= rounds; r++)); do
  for i in 0 1 2; do
    read -r w c p < <(run "${names[$i]}" "${homes[$i]}" "${standards[$i]}")
    wall[${names[$i]}]+="$w "; cpu[${names[$i]}]+="$c "; pass[${names[$i]}]+="$p "
    echo "round $r ${names[$i]}: wall $w s, cpu $c s, pass $p s" >&2
  done
done

median() { tr ' ' '\n' | awk '$1 != "" && $1 != "-"' | sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "| run | wall s (runs) | wall median | CPU s (runs) | CPU median | pass median | wall / before | CPU / before |"
echo "|---|---|---|---|---|---|---|---|"
bw="$(median <<<"${wall[before]}")"; bc="$(median <<<"${cpu[before]}")"
for n in "${names[@]}"; do
  w="$(median <<<"${wall[$n]}")"; c="$(median <<<"${cpu[$n]}")"; p="$(median <<<"${pass[$n]}")"
  awk -v n="$n" -v ws="${wall[$n]}" -v w="$w" -v cs="${cpu[$n]}" -v c="$c" -v p="$p" -v bw="$bw" -v bc="$bc" \
    'BEGIN { printf "| %s | %s | %s | %s | %s | %s | %.2f | %.2f |\n", n, ws, w, cs, c, p, w / bw, c / bc }'
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
