#!/usr/bin/env bash
# Rule-matching benchmark (JMH): cost of RuleMatcher.detect per message against lexicons of 100, 1,000 and 10,000
# literal terms, and of its first stages alone (normalise, scanLiterals).
#
#   scripts/bench-rules.sh [extra JMH options, e.g. -p lexiconSize=10000 or -prof stack]
#
# Builds bot-bench (module of the 'bench' profile, not part of the normal build), then runs it in one fork with
# 3 warm-up and 5 measured iterations of 1 s per benchmark and size (about 2 minutes), from the repository root so
# the benchmark reads config/lexicon. One JMH operation is the whole corpus of 64 chat messages
# (bot-bench/src/main/resources/chat-messages.txt), so messages/s = ops/s x 64. Run nothing else heavy meanwhile.
# Raw results: bot-bench/target/bench-rules.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=64
CSV=bot-bench/target/bench-rules.csv

command -v java >/dev/null || { echo "bench-rules: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "bench-rules: mvn not on PATH" >&2; exit 1; }

echo "[bench-rules] building bot-bench (mvn -Pbench -pl bot-bench -am package)"
mvn -B -ntp -q -Pbench -pl bot-bench -am package -DskipTests

echo "[bench-rules] machine: $(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "[bench-rules] commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"

java -jar bot-bench/target/benchmarks.jar RuleMatchingBenchmark \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -rf csv -rff "$CSV" "$@"

echo
echo "[bench-rules] summary (one op = $CORPUS messages; 'cost vs 100' = time per message relative to the 100-term lexicon)"
awk -F, -v corpus="$CORPUS" '
  NR == 1 { next }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    name = $1; sub(/.*\./, "", name)
    size = $8; score = $5; err = $6
    key = name SUBSEP size
    scores[key] = score; errs[key] = err
    if (!(name in seenName)) { seenName[name] = 1; names[++n] = name }
    if (!(size in seenSize)) { seenSize[size] = 1; sizes[++m] = size }
  }
  END {
    printf "%-14s %14s %22s %14s %12s\n", "benchmark", "lexicon terms", "ops/s (99.9% error)", "messages/s", "cost vs 100"
    for (a = 1; a <= n; a++) {
      base = scores[names[a] SUBSEP sizes[1]]
      for (b = 1; b <= m; b++) {
        k = names[a] SUBSEP sizes[b]
        if (!(k in scores)) continue
        printf "%-14s %14s %13.0f ± %6.0f %14.0f %11.2fx\n", names[a], sizes[b], scores[k], errs[k], scores[k] * corpus, base / scores[k]
      }
    }
  }' "$CSV"
