#!/usr/bin/env bash
# Callback-parsing benchmark (JMH, issue 6): one encrypted self-built-app callback (a Chinese text, a template-card
# click, a customer-group member join) from the POST body and its msg_signature/timestamp/nonce to a parsed message,
# through weixin-java-cp's WxCpXmlMessage.fromEncryptedXml ("library") and through our CallbackEndpoint steps
# (Envelopes, CallbackCipher, AppTranslator.ingest: "ours"; "ours + translate" adds the worker's AppTranslator.translate).
# See bot-bench/src/main/java/org/sanshe/bot/wecom/callback/CallbackParsingBenchmark.java.
#
#   scripts/bench-parsers.sh [--parts] [--md-out FILE] [extra JMH options, e.g. -p kind=text, -wi 10, -r 2s]
#
# --parts   also measures crypto alone and parsing alone (crypto* and parse* benchmarks), which explain the difference
# --md-out  also writes the summary as a Markdown fragment: the table, then machine, date, commit and JMH options
#
# Builds bot-bench (module of the 'bench' profile, not part of the normal build), then runs it in 1 fork per benchmark
# and kind, 10 warm-up and 5 measured iterations of 1 s, with JMH's GC profiler (B/op) and our ProcessCpuProfiler (CPU
# µs/op of the benchmark thread): about 3 minutes, 6 with --parts. The library's code (XStream, dom4j, Xerces) takes
# long to compile on 2 busy cores, and 5 warm-up iterations left it half-compiled. -f, -wi, -w, -i and -r given here
# replace those defaults. Prints JMH's table, then a summary per stage and kind: ops/s, µs/op (1/throughput), CPU µs/op and B/op of
# each path, and ours/library as a factor (above 1 = ours faster or lighter). On a machine that other processes keep
# busy, ops/s swings widely; CPU µs/op much less (waiting for a core is not CPU time), but the JIT warms up slowly there
# too: give it more warm-up (-wi 20) if the library's CPU µs/op has a wide interval. Raw results:
# bot-bench/target/bench-parsers.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

CSV=bot-bench/target/bench-parsers.csv
MD_OUT=""
PATTERN='CallbackParsingBenchmark\.full'

declare -A DEFAULTS=([-f]=1 [-wi]=10 [-w]=1s [-i]=5 [-r]=1s)
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --parts)
      PATTERN='CallbackParsingBenchmark\.'
      shift
      ;;
    --md-out)
      [ $# -ge 2 ] || { echo "bench-parsers: --md-out needs a file" >&2; exit 2; }
      MD_OUT="$2"
      shift 2
      ;;
    --md-out=*)
      MD_OUT="${1#--md-out=}"
      shift
      ;;
    *)
      # JMH refuses an option given twice: one of ours that is given here replaces the default
      if [ -n "${DEFAULTS[$1]+set}" ]; then unset "DEFAULTS[$1]"; fi
      EXTRA+=("$1")
      shift
      ;;
  esac
done
JMH_ARGS=()
for opt in -f -wi -w -i -r; do
  if [ -n "${DEFAULTS[$opt]+set}" ]; then JMH_ARGS+=("$opt" "${DEFAULTS[$opt]}"); fi
done
JMH_ARGS+=(-prof gc -prof org.sanshe.bot.bench.ProcessCpuProfiler)

command -v java >/dev/null || { echo "bench-parsers: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "bench-parsers: mvn not on PATH" >&2; exit 1; }

echo "[bench-parsers] building bot-bench (mvn -Pbench -pl bot-bench -am package)"
mvn -B -ntp -q -Pbench -pl bot-bench -am package -DskipTests

MACHINE="$(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
STARTED="$(date -u +%Y-%m-%dT%H:%MZ)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "[bench-parsers] machine: $MACHINE"
echo "[bench-parsers] commit: $COMMIT, $STARTED, load average before the run: $LOAD"

java -jar bot-bench/target/benchmarks.jar "$PATTERN" -rf csv -rff "$CSV" "${JMH_ARGS[@]}" ${EXTRA[@]+"${EXTRA[@]}"}
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# One row per stage and kind: library and ours (ops/s, µs/op, CPU µs/op, B/op), then ours/library as factors of speed
# (ops/s), of CPU per op and of bytes per op (above 1 = ours better). $1 = text or md.
summary() {
  awk -F, -v fmt="$1" '
    NR == 1 { next }
    {
      for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
      name = $1; metric = "score"
      if (index(name, ":") > 0) { metric = substr(name, index(name, ":") + 1); name = substr(name, 1, index(name, ":") - 1) }
      sub(/.*\./, "", name)
      kind = $8
      if (!(kind in seenKind)) { seenKind[kind] = 1; kinds[++nk] = kind }
      if (metric == "score") { ops[name, kind] = $5; err[name, kind] = $6 }
      else if (metric == "gc.alloc.rate.norm") bytes[name, kind] = $5
      else if (metric == "cpu.worker.norm") cpu[name, kind] = $5
    }
    function cell(n, k,    e, c, b) {
      if (!((n, k) in ops)) return fmt == "md" ? "| – | – | – | – " : sprintf("%9s %8s %8s %8s", "-", "-", "-", "-")
      c = ((n, k) in cpu) ? sprintf("%.1f", cpu[n, k]) : "n/a"
      b = ((n, k) in bytes) ? sprintf("%.0f", bytes[n, k]) : "n/a"
      e = (err[n, k] ~ /^[0-9.]+$/) ? sprintf(" ± %.0f", err[n, k]) : ""
      if (fmt == "md") return sprintf("| %.0f%s | %.1f | %s | %s ", ops[n, k], e, 1e6 / ops[n, k], c, b)
      return sprintf("%9.0f %8.1f %8s %8s", ops[n, k], 1e6 / ops[n, k], c, b)
    }
    function val(arr, n, k) { return ((n, k) in arr) ? arr[n, k] + 0 : 0 }
    function factor(num, den) { return (num > 0 && den > 0) ? sprintf("%.1fx", num / den) : "-" }
    function row(label, lib, our, k,    fs, fc, fb) {
      if (!((lib, k) in ops) && !((our, k) in ops)) return
      fs = factor(val(ops, our, k), val(ops, lib, k))
      fc = factor(val(cpu, lib, k), val(cpu, our, k))
      fb = factor(val(bytes, lib, k), val(bytes, our, k))
      if (fmt == "md") printf "| %s | %s %s%s| %s | %s | %s |\n", label, k, cell(lib, k), cell(our, k), fs, fc, fb
      else printf "%-17s %-11s %s | %s %7s %7s %7s\n", label, k, cell(lib, k), cell(our, k), fs, fc, fb
    }
    END {
      if (fmt == "md") {
        print "| stage | kind | library ops/s | library µs/op | library CPU µs/op | library B/op | ours ops/s | ours µs/op | ours CPU µs/op | ours B/op | speed ours/library | CPU library/ours | bytes library/ours |"
        print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      } else {
        printf "%-17s %-11s %9s %8s %8s %8s | %9s %8s %8s %8s %7s %7s %7s\n", "stage", "kind", "lib ops/s", "µs/op", "CPU µs", "B/op", "our ops/s", "µs/op", "CPU µs", "B/op", "speed", "CPU", "bytes"
      }
      for (a = 1; a <= nk; a++) row("full", "fullLibrary", "fullOurs", kinds[a])
      for (a = 1; a <= nk; a++) row("full + translate", "fullLibrary", "fullOursAndTranslate", kinds[a])
      for (a = 1; a <= nk; a++) row("crypto alone", "cryptoLibrary", "cryptoOurs", kinds[a])
      for (a = 1; a <= nk; a++) row("parse alone", "parseLibrary", "parseOurs", kinds[a])
    }' "$CSV"
}

echo
echo "[bench-parsers] summary. library = weixin-java-cp 4.7.3.B WxCpXmlMessage.fromEncryptedXml; ours = Envelopes +"
echo "  CallbackCipher + AppTranslator.ingest (+ translate: and AppTranslator.translate). µs/op = 1/throughput; CPU µs/op ="
echo "  CPU time of the benchmark thread per op; B/op from -prof gc. Factors ours/library: above 1 = ours faster/lighter."
summary text
echo "[bench-parsers] load average before: $LOAD, after: $LOAD_AFTER (on $(nproc) CPU(s))"

if [ -n "$MD_OUT" ]; then
  mkdir -p "$(dirname "$MD_OUT")"
  {
    summary md
    echo
    echo "Machine: $MACHINE; load average $LOAD before the run, $LOAD_AFTER after. Run $STARTED at commit $COMMIT;" \
      "JMH ${JMH_ARGS[*]}${EXTRA[*]+ ${EXTRA[*]}}."
  } >"$MD_OUT"
  echo "[bench-parsers] Markdown summary written to $MD_OUT"
fi
