#!/usr/bin/env bash
# Nickname-check benchmark (JMH): cost of NicknameParser.check per nickname over a corpus of 5,000 (hand-written messy
# ones plus generated ones, fixed seed), against the conventions of config/group-types.yml; and of its first stage
# alone (read).
#
#   scripts/bench-nicknames.sh [extra JMH options, e.g. -p corpus=messy or -prof gc]
#
# Builds bot-bench (module of the 'bench' profile, not part of the normal build), then runs it in 2 forks with
# 3 warm-up and 5 measured iterations of 1 s per benchmark and corpus (about 1.5 minutes), from the repository root
# so the benchmark reads config/group-types.yml. Scores are nanoseconds per nickname. Run nothing else heavy meanwhile.
# Raw results: bot-bench/target/bench-nicknames.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

CSV=bot-bench/target/bench-nicknames.csv
POLL=200000 # 1,000 groups x 200 members

command -v java >/dev/null || { echo "bench-nicknames: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "bench-nicknames: mvn not on PATH" >&2; exit 1; }

echo "[bench-nicknames] building bot-bench (mvn -Pbench -pl bot-bench -am package)"
mvn -B -ntp -q -Pbench -pl bot-bench -am package -DskipTests

echo "[bench-nicknames] machine: $(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "[bench-nicknames] commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"

java -jar bot-bench/target/benchmarks.jar NicknameParsingBenchmark \
  -f 2 -wi 3 -w 1s -i 5 -r 1s -rf csv -rff "$CSV" "$@"

echo
echo "[bench-nicknames] summary (one op = one nickname; 'poll CPU' = one core checking $POLL nicknames, 1,000 groups x 200 members)"
awk -F, -v poll="$POLL" '
  NR == 1 { next }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    name = $1; sub(/.*\./, "", name)
    printf "%-8s %-6s %10.0f ns ± %5.0f   %6.2f µs/nickname   %10.0f nicknames/s   poll CPU %6.0f ms\n", name, $8, $5, $6, $5 / 1000, 1e9 / $5, $5 * poll / 1e6
  }' "$CSV"
