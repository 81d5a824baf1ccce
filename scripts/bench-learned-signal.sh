#!/usr/bin/env bash
# Learned crisis signal benchmark: the cost of LearnedSignal.read per message (BGE-small-zh v1.5 embedding on ONNX
# Runtime plus the softmax classifier), its load time and its memory.
#
#   scripts/bench-learned-signal.sh [extra JMH options]
#
# Builds bot-bench (module of the 'bench' profile, not part of the normal build), then, from the repository root (the
# benchmark reads config/crisis/model.tsv):
#   1. LearnedSignalFootprint: load time, first read, process RSS before/after loading and after 640 reads;
#   2. JMH SampleTime, one caller: µs per message, p50/p99, for read (on the caller's thread) and readBounded (through
#      the bounded pool the service uses: adds the hand-off), with CPU time per message (ProcessCpuProfiler);
#   3. JMH Throughput: messages/s with one caller and with two (2 cores: the service's default of 2 model threads, each
#      inference single-threaded), and one caller with ONNX Runtime using 2 threads inside each inference.
# One JMH operation is one message of the 64-message chat corpus (bot-bench/src/main/resources/chat-messages.txt).
# About 3 minutes. Run nothing else heavy meanwhile. Raw results: bot-bench/target/bench-learned-*.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "bench-learned-signal: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "bench-learned-signal: mvn not on PATH" >&2; exit 1; }

# before the build: the build formats sources and may touch files by itself
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
echo "[bench-learned] building bot-bench (mvn -Pbench -pl bot-bench -am package)"
mvn -B -ntp -q -Pbench -pl bot-bench -am package -DskipTests

JAR=bot-bench/target/benchmarks.jar
echo "[bench-learned] machine: $(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "[bench-learned] commit: $commit, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "[bench-learned] load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f bot-app/target/bot-app.jar ]; then
  echo "[bench-learned] bot-app.jar: $(stat -c %s bot-app/target/bot-app.jar) bytes"
fi

echo
echo "[bench-learned] load and memory (LearnedSignalFootprint, -Xmx512m)"
java -Xmx512m -cp "$JAR" org.sanshe.bot.signal.LearnedSignalFootprint 2>&1 | grep -v -E ' (INFO|WARN) '

echo
echo "[bench-learned] per message, one caller (SampleTime)"
java -jar "$JAR" 'LearnedSignalBenchmark' -bm sample -tu us -t 1 \
  -prof org.sanshe.bot.bench.ProcessCpuProfiler -rf csv -rff bot-bench/target/bench-learned-sample.csv "$@"
echo
awk -F, '
  NR == 1 { next }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    name = $1; sub(/^.*LearnedSignalBenchmark\./, "", name)
    if (name ~ /:p0\.50$/) { sub(/:.*/, "", name); p50[name] = $5 }
    else if (name ~ /:p0\.99$/) { sub(/:.*/, "", name); p99[name] = $5 }
    else if (name ~ /:p0\.999$/) { sub(/:.*/, "", name); p999[name] = $5 }
    else if (name ~ /:cpu\.worker\.norm$/) { sub(/:.*/, "", name); cpu[name] = $5 }
    else if (name ~ /:cpu\.process\.norm$/) { sub(/:.*/, "", name); cpup[name] = $5 }
    else if (name !~ /:/) { mean[name] = $5; names[++n] = name }
  }
  END {
    printf "%-12s %10s %10s %10s %10s %16s %16s\n", "benchmark", "mean µs", "p50 µs", "p99 µs", "p99.9 µs", "CPU µs (worker)", "CPU µs (process)"
    for (a = 1; a <= n; a++) {
      k = names[a]
      printf "%-12s %10.0f %10.0f %10.0f %10.0f %16.0f %16.0f\n", k, mean[k], p50[k], p99[k], p999[k], cpu[k], cpup[k]
    }
  }' bot-bench/target/bench-learned-sample.csv

echo
echo "[bench-learned] messages/s (Throughput)"
: > bot-bench/target/bench-learned-thrpt.csv
for run in "1 1" "2 1" "1 2"; do
  read -r callers intra <<<"$run"
  java -jar "$JAR" 'LearnedSignalBenchmark.read$' -bm thrpt -tu s -t "$callers" -p intraOpThreads="$intra" \
    -prof org.sanshe.bot.bench.ProcessCpuProfiler -rf csv -rff bot-bench/target/bench-learned-run.csv "$@" >/dev/null
  awk -F, -v callers="$callers" -v intra="$intra" '
    NR > 1 { gsub(/"/, "") }
    NR == 2 { rate = $5; err = $6 }
    /cpu\.process/ { cpu = $5 }
    END { printf "%d caller(s), %d ONNX thread(s) per inference: %6.0f messages/s (± %.0f); CPU per message %.0f µs (whole JVM)\n", callers, intra, rate, err, cpu }' \
    bot-bench/target/bench-learned-run.csv | tee -a bot-bench/target/bench-learned-thrpt.csv
done
