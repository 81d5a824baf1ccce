#!/usr/bin/env bash
# Callback-parsing benchmark (JMH, issue 6): one encrypted self-built-app callback (a Chinese text, a template-card
# click, a customer-group member join) from the POST body and its msg_signature/timestamp/nonce to a parsed message,
# through weixin-java-cp's WxCpXmlMessage.fromEncryptedXml ("library") and through our CallbackEndpoint steps
# (Envelopes, CallbackCipher, AppTranslator.ingest: "ours"); also crypto alone and parsing alone. See
# bot-bench/src/main/java/org/sanshe/bot/wecom/callback/CallbackParsingBenchmark.java.
#
#   scripts/bench-parsers.sh [--md-out FILE] [extra JMH options, e.g. -p kind=text, -i 10, -r 2s]
#
# Builds bot-bench (module of the 'bench' profile, not part of the normal build), then runs it with JMH's GC profiler
# (allocated bytes per operation) in 1 fork, 3 warm-up and 5 measured iterations of 1 s per benchmark and kind
# (7 benchmarks x 3 kinds, about 3.5 minutes). -f, -wi, -w, -i and -r given here replace those defaults. Prints JMH's
# table, then a summary per stage and kind: ops/s, µs/op and B/op of each path, and ours/library as a speed factor
# (ops/s ours / ops/s library: above 1 = ours is faster). --md-out FILE also writes the summary as a Markdown fragment
# (table, then machine, date and commit). Run nothing else heavy meanwhile. Raw results:
# bot-bench/target/bench-parsers.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

CSV=bot-bench/target/bench-parsers.csv
MD_OUT=""

declare -A DEFAULTS=([-f]=1 [-wi]=3 [-w]=1s [-i]=5 [-r]=1s)
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
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

command -v java >/dev/null || { echo "bench-parsers: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "bench-parsers: mvn not on PATH" >&2; exit 1; }

echo "[bench-parsers] building bot-bench (mvn -Pbench -pl bot-bench -am package)"
mvn -B -ntp -q -Pbench -pl bot-bench -am package -DskipTests

MACHINE="$(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
STARTED="$(date -u +%Y-%m-%dT%H:%MZ)"
echo "[bench-parsers] machine: $MACHINE"
echo "[bench-parsers] commit: $COMMIT, $STARTED"

java -jar bot-bench/target/benchmarks.jar CallbackParsingBenchmark \
  "${JMH_ARGS[@]}" -prof gc -rf csv -rff "$CSV" ${EXTRA[@]+"${EXTRA[@]}"}

# one row per stage and kind; columns: library and ours (ops/s, µs/op, B/op), speed factor; fullOursAndTranslate is
# compared with fullLibrary too. $1 = text or md.
summary() {
  awk -F, -v fmt="$1" '
    NR == 1 { next }
    {
      for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
      name = $1; metric = "score"
      if (index(name, ":") > 0) { metric = substr(name, index(name, ":") + 1); name = substr(name, 1, index(name, ":") - 1) }
      sub(/.*\./, "", name)
      if (metric != "score" && metric != "gc.alloc.rate.norm") next
      kind = $8
      if (!(kind in seenKind)) { seenKind[kind] = 1; kinds[++nk] = kind }
      if (metric == "score") { ops[name, kind] = $5; err[name, kind] = $6 } else { bytes[name, kind] = $5 }
    }
    function cell(n, k) {
      if (!((n, k) in ops)) return fmt == "md" ? "| – | – | – " : sprintf("%12s %9s %9s", "-", "-", "-")
      b = ((n, k) in bytes) ? sprintf("%.0f", bytes[n, k]) : "n/a"
      e = (err[n, k] ~ /^[0-9.]+$/) ? sprintf(" ± %.0f", err[n, k]) : ""
      if (fmt == "md") return sprintf("| %.0f%s | %.1f | %s ", ops[n, k], e, 1e6 / ops[n, k], b)
      return sprintf("%12.0f %9.1f %9s", ops[n, k], 1e6 / ops[n, k], b)
    }
    function row(label, lib, our, k) {
      factor = ((lib, k) in ops && (our, k) in ops) ? sprintf("%.1fx", ops[our, k] / ops[lib, k]) : "-"
      if (fmt == "md") printf "| %s | %s %s%s| %s |\n", label, k, cell(lib, k), cell(our, k), factor
      else printf "%-26s %-12s %s   %s %8s\n", label, k, cell(lib, k), cell(our, k), factor
    }
    END {
      if (fmt == "md") {
        print "| stage | kind | library ops/s | library µs/op | library B/op | ours ops/s | ours µs/op | ours B/op | ours/library (speed) |"
        print "|---|---|---:|---:|---:|---:|---:|---:|---:|"
      } else {
        printf "%-26s %-12s %12s %9s %9s   %12s %9s %9s %8s\n", "stage", "kind", "library/s", "µs/op", "B/op", "ours/s", "µs/op", "B/op", "speed"
      }
      for (a = 1; a <= nk; a++) row("full (callback to parsed)", "fullLibrary", "fullOurs", kinds[a])
      for (a = 1; a <= nk; a++) row("full + translate (ours)", "fullLibrary", "fullOursAndTranslate", kinds[a])
      for (a = 1; a <= nk; a++) row("crypto alone", "cryptoLibrary", "cryptoOurs", kinds[a])
      for (a = 1; a <= nk; a++) row("parse alone", "parseLibrary", "parseOurs", kinds[a])
    }' "$CSV"
}

echo
echo "[bench-parsers] summary (library = weixin-java-cp 4.7.3.B WxCpXmlMessage.fromEncryptedXml; ours = Envelopes +"
echo "  CallbackCipher + AppTranslator.ingest; speed = ops/s ours / ops/s library, above 1 = ours faster; B/op from -prof gc)"
summary text

if [ -n "$MD_OUT" ]; then
  mkdir -p "$(dirname "$MD_OUT")"
  {
    summary md
    echo
    echo "Machine: $MACHINE. Run: $STARTED, commit $COMMIT, JMH ${JMH_ARGS[*]} -prof gc ${EXTRA[*]+${EXTRA[*]}}."
  } >"$MD_OUT"
  echo "[bench-parsers] Markdown summary written to $MD_OUT"
fi
