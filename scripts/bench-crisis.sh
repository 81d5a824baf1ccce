#!/usr/bin/env bash
# Crisis detection benchmark (JMH), rules alone: µs per message (p50, p99 from SampleTime) and messages per second on
# one thread, for everyday chat and for the development sets' crisis-heavy messages. The learned signal has its own:
# scripts/bench-learned-signal.sh.
#
#   scripts/bench-crisis.sh [extra JMH options]
#
# Builds bot-bench (the 'bench' profile), then runs one fork with 3 warm-up and 5 measured iterations of 2 s per mode
# and corpus (about 1 minute), from the repository root so the benchmark reads config/ and eval/crisis/. Run nothing
# else heavy meanwhile. Raw results: bot-bench/target/bench-crisis.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
CSV=bot-bench/target/bench-crisis.csv
command -v java >/dev/null || { echo "bench-crisis: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "bench-crisis: mvn not on PATH" >&2; exit 1; }
echo "[bench-crisis] building bot-bench (mvn -Pbench -pl bot-bench -am package)"
mvn -B -ntp -q -Pbench -pl bot-bench -am package -DskipTests
echo "[bench-crisis] machine: $(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "[bench-crisis] commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"
java -jar bot-bench/target/benchmarks.jar CrisisDetectionBenchmark \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -rf csv -rff "$CSV" "$@"
