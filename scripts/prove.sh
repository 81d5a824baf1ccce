#!/usr/bin/env bash
# Proof under load and faults (issue 6), in one command: builds the jars, runs every load, benchmark, several-instance,
# fault and fuzz script, prints each one's figures and pass/fail lines as it goes, and writes their tables into
# docs/PERFORMANCE.md and docs/RELIABILITY.md (between the <!-- prove:NAME --> markers), each with the machine, date
# and commit it was measured on.
#
#   scripts/prove.sh [--quick] [--only load,parsers,instances,kill9,wecom-faults,db-down,db-down-kill,redis-down,fuzz]
#                    [--no-docs]
#
#   --quick    shorter runs (about a third of the time); the figures are then rougher, and the documents say so
#   --only     run only these sections (comma-separated); the others keep what the documents already hold
#   --no-docs  print everything, change no document
#
# Needs what scripts/test.sh needs (Java 17, Maven, Node; MariaDB and Redis are started or installed by
# scripts/services.sh), plus mariadbd, mariadb-install-db and redis-server for the private servers the outage scripts
# kill (installed with MariaDB and Redis). Loopback only. Takes about 18 minutes on 2 cores (--quick: about 16; the
# fault scripts have no shorter form).
# Exit 0 when every section passed; 1 otherwise. The last lines are the summary: one line per section and every
# TARGET line of the load run.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
say() { echo "[prove] $*"; }

QUICK=0
ONLY=""
DOCS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) ONLY="$2"; shift ;;
    --no-docs) DOCS=0 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) say "unknown option $1 (see --help)"; exit 2 ;;
  esac
  shift
done

ALL="load parsers instances kill9 wecom-faults db-down db-down-kill redis-down fuzz"
wanted() { [[ -z "$ONLY" ]] || [[ ",$ONLY," == *",$1,"* ]]; }
for s in ${ONLY//,/ }; do
  [[ " $ALL " == *" $s "* ]] || { say "unknown section $s (known: $ALL)"; exit 2; }
done

command -v java >/dev/null || { say "Java 17 is needed (apt-get install openjdk-17-jdk-headless)"; exit 1; }
command -v mvn >/dev/null || { say "Maven is needed (apt-get install maven)"; exit 1; }
if ! command -v node >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing nodejs from Debian's packages (the load, fault and several-instance scripts are Node)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  fi
  command -v node >/dev/null || { say "Node.js is needed (apt-get install nodejs)"; exit 1; }
fi
scripts/services.sh || { say "MariaDB and Redis must answer on 127.0.0.1:3306 and :6379 (see scripts/services.sh)"; exit 1; }

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n "$(git status --porcelain 2>/dev/null)" ]] && COMMIT="$COMMIT (with uncommitted changes)"
MACHINE="$(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1 | sed 's/"//g'), Node $(node --version)"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
say "machine: $MACHINE"
say "date:    $STARTED"
say "commit:  $COMMIT"

OUT=$(mktemp -d "${TMPDIR:-/tmp}/sanshe-prove-XXXXXX")
say "logs and fragments: $OUT"

say "building the service, the load generator and the benchmarks (mvn package, tests skipped: scripts/test.sh runs them)"
if ! mvn -B -ntp -q clean install -DskipTests -Pbench >"$OUT/build.log" 2>&1; then
  tail -40 "$OUT/build.log"
  say "build failed"
  exit 1
fi

declare -a NAMES=() RESULTS=() SECONDS_TAKEN=() SPLICES=()

# run NAME DOC COMMAND...: runs the command with --md-out <fragment> appended, shows its output as it goes, and
# splices the fragment into DOC.
run() {
  local name=$1 doc=$2
  shift 2
  local frag="$OUT/$name.md" log="$OUT/$name.log" t0=$SECONDS rc
  say "── $name: $*"
  "$@" --md-out "$frag" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  finish "$name" "$doc" "$rc" "$((SECONDS - t0))"
}

finish() {
  local name=$1 doc=$2 rc=$3 took=$4 frag="$OUT/$1.md"
  NAMES+=("$name")
  SECONDS_TAKEN+=("$took")
  if [[ $rc -eq 0 ]]; then RESULTS+=("PASS"); else RESULTS+=("FAIL (exit $rc)"); fi
    if [[ -s "$frag" ]]; then
    if [[ $QUICK -eq 1 ]]; then
      printf '\n_Measured with `scripts/prove.sh --quick`: shorter runs, rougher figures._\n' >>"$frag"
    fi
    # spliced at the end: a document changed now would make the later sections see uncommitted changes
    SPLICES+=("$doc|$name|$frag|$((${#NAMES[@]} - 1))")
  else
    say "$name wrote no fragment: $doc keeps its previous figures for it"
    [[ $rc -eq 0 ]] && RESULTS[-1]="FAIL (no fragment)"
  fi
}

JAR="$REPO/bot-app/target/bot-app.jar"
if wanted load; then
  if [[ $QUICK -eq 1 ]]; then run load docs/PERFORMANCE.md scripts/load/run.sh --quick
  else run load docs/PERFORMANCE.md scripts/load/run.sh; fi
fi
if wanted parsers; then
    run parsers docs/PERFORMANCE.md scripts/bench-parsers.sh
fi
if wanted instances; then
  if [[ $QUICK -eq 1 ]]; then run instances docs/RELIABILITY.md node scripts/wecom-client/instances.mjs --jar "$JAR" --messages 500 --crises 20
  else run instances docs/RELIABILITY.md node scripts/wecom-client/instances.mjs --jar "$JAR"; fi
fi
for fault in kill9 wecom-faults db-down; do
  if wanted "$fault"; then run "$fault" docs/RELIABILITY.md node "scripts/faults/$fault.mjs" --jar "$JAR"; fi
done
# the service killed -9 while the database is down, with callbacks in its spool; replayed when it starts again
if wanted db-down-kill; then run db-down-kill docs/RELIABILITY.md node scripts/faults/db-down.mjs --jar "$JAR" --kill-service; fi
if wanted redis-down; then run redis-down docs/RELIABILITY.md node scripts/faults/redis-down.mjs --jar "$JAR"; fi
if wanted fuzz; then
  count=100000
  [[ $QUICK -eq 1 ]] && count=20000
  seed=$(date -u +%Y%m%d)
  say "── fuzz: CallbackFuzzTest, $count cases, seed $seed"
  t0=$SECONDS
  mvn -B -ntp verify -pl bot-app -DskipITs -Dtest=CallbackFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.count="$count" -Dfuzz.seed="$seed" 2>&1 | tee "$OUT/fuzz.log" | grep -E '^FUZZ|Tests run:|BUILD' | grep -v '^FUZZ kind '
  rc=${PIPESTATUS[0]}
  {
    echo '```'
    grep -E '^FUZZ' "$OUT/fuzz.log" | grep -v '^FUZZ kind '
    echo '```'
    echo
    echo "$MACHINE; $STARTED; commit $COMMIT. Result: $([[ $rc -eq 0 ]] && echo PASS || echo FAIL)."
  } >"$OUT/fuzz.md"
  grep -qE '^FUZZ requests=' "$OUT/fuzz.log" || : >"$OUT/fuzz.md"
  finish fuzz docs/RELIABILITY.md "$rc" "$((SECONDS - t0))"
fi

if [[ $DOCS -eq 1 ]]; then
  for s in "${SPLICES[@]}"; do
    IFS='|' read -r doc name frag idx <<<"$s"
    node scripts/prove/splice.mjs "$doc" "$name" "$frag" || RESULTS[$idx]="FAIL (document not updated)"
  done
fi

{
  echo "| section | result | took |"
  echo "|---|---|---|"
  for i in "${!NAMES[@]}"; do echo "| ${NAMES[$i]} | ${RESULTS[$i]} | ${SECONDS_TAKEN[$i]} s |"; done
  echo
  echo "Last \`scripts/prove.sh\`$([[ $QUICK -eq 1 ]] && echo ' --quick')$([[ -n $ONLY ]] && echo " --only $ONLY"): $MACHINE; $STARTED; commit $COMMIT."
} >"$OUT/summary.md"
if [[ $DOCS -eq 1 ]]; then
  node scripts/prove/splice.mjs docs/PERFORMANCE.md summary "$OUT/summary.md" || true
  node scripts/prove/splice.mjs docs/RELIABILITY.md summary "$OUT/summary.md" || true
fi

echo
say "summary ($MACHINE; $STARTED; commit $COMMIT)"
failed=0
for i in "${!NAMES[@]}"; do
  printf '[prove] %-13s %-28s %5s s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${SECONDS_TAKEN[$i]}"
  [[ "${RESULTS[$i]}" == PASS ]] || failed=$((failed + 1))
done
grep -hE '^(TARGET|RESULT) ' "$OUT"/*.log 2>/dev/null | sed 's/^/[prove]   /'
say "logs: $OUT"
if [[ $failed -gt 0 ]]; then
  say "$failed of ${#NAMES[@]} sections FAILED"
  exit 1
fi
say "all ${#NAMES[@]} sections passed"
