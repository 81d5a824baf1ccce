#!/usr/bin/env bash
# Load test of issue 6 (docs/PERFORMANCE.md, "Load generator and ceiling"): one bot-app instance in the prod profile
# with -Xmx512m on a fresh MariaDB database and the local Redis, the load ceiling endpoint on, driven by the Java
# generator scripts/load/target/bot-load.jar, which also serves the fake WeCom the service replies to.
#
#   scripts/load/run.sh [--quick] [--instances N] [--md-out FILE] [--keep-logs] [-- generator options...]
#
# Phases (default, ≤ 6 minutes): the ceiling endpoint flat out (after 10,000 warm-up callbacks), then the real
# callback paths: 15,000 warm-up callbacks, flat out, 1,000/s, 2,000/s and 5,000/s, 15 s each. --quick (~1.5 min):
# 5 s phases, shorter warm-ups, no 2,000/s. Prints the generator's tables, the TARGET lines and RESULT load: PASS|FAIL
# (exit 0 on PASS). --md-out FILE writes the tables as a Markdown fragment for docs/PERFORMANCE.md. --instances N
# starts N instances on the same database and Redis, sends round robin and the duplicates to another instance (heap
# and CPU are then those of the first instance).
#
# Needs MariaDB at 127.0.0.1:3306 (root, no password) and Redis at 127.0.0.1:6379 (neither is flushed: the run uses
# its own database sanshe_load_<hex>, dropped at the end, and only the service's own Redis keys), java 17, and the jars
# (nothing is built here): bot-app/target/bot-app.jar (JAR=...) and scripts/load/target/bot-load.jar (LOAD_JAR=...),
# e.g. `mvn -B -ntp -DskipTests clean install`. APP_JVM_OPTS adds JVM options to the service (e.g. JFR).
# ASYNC_PROFILER_LIB=/path/libasyncProfiler.so (async-profiler 4.x, Maven Central tools.profiler:async-profiler, jar
# linux-x64) profiles the service (CPU, itimer) in every phase, separately while sending and while draining, and keeps
# the collapsed stacks and per-thread CPU in the log folder (kept): <phase>-ingest.collapsed, <phase>-drain.collapsed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="${JAR:-$REPO/bot-app/target/bot-app.jar}"
LOAD_JAR="${LOAD_JAR:-$HERE/target/bot-load.jar}"

die() { echo "load: $*" >&2; exit 2; }

QUICK=0; MD_OUT=""; KEEP=0; EXTRA=(); INSTANCES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --md-out) shift; [ $# -gt 0 ] || die "--md-out needs a file"; MD_OUT="$1" ;;
    --keep-logs) KEEP=1 ;;
    --instances) shift; [[ "${1:-}" =~ ^[1-9]$ ]] || die "--instances needs 1..9"; INSTANCES="$1" ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) die "unknown option $1 (generator options go after --)" ;;
  esac
  shift
done

[ -f "$JAR" ] || die "service jar not found: $JAR (build it first: mvn -B -ntp -DskipTests install)"
[ -f "$LOAD_JAR" ] || die "generator jar not found: $LOAD_JAR (build it first: mvn -B -ntp -DskipTests install)"
command -v java >/dev/null || die "java not on PATH"
command -v curl >/dev/null || die "curl not on PATH"
command -v mysql >/dev/null || die "mysql client needed to create the load database"

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if command -v mysqladmin >/dev/null; then
  mysqladmin -h127.0.0.1 -P3306 -uroot --connect-timeout=3 ping >/dev/null 2>&1 \
    || die "MariaDB at 127.0.0.1:3306 (root, no password) does not answer"
else
  tcp_open 3306 || die "nothing listening on 127.0.0.1:3306"
fi
if command -v redis-cli >/dev/null; then
  [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ] || die "Redis at 127.0.0.1:6379 does not answer PING"
else
  tcp_open 6379 || die "nothing listening on 127.0.0.1:6379"
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    tcp_open "$p" || { echo "$p"; return 0; }
  done
  die "no free port found"
}
alnum() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c "$1"; }
# an EncodingAESKey: 43 characters whose last one leaves the spare base64 bits zero
aes_key() { echo "$(alnum 42)$(LC_ALL=C tr -dc 'AEIMQUYcgkosw048' </dev/urandom | head -c 1)"; }

DB="sanshe_load_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
TMP="$(mktemp -d /tmp/sanshe-load.XXXXXX)"
APP_PIDS=()
cleanup() {
  local rc=$?
  local pid
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${APP_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  mysql -h127.0.0.1 -P3306 -uroot -e "DROP DATABASE IF EXISTS $DB" || echo "load: could not drop database $DB" >&2
  if [ "$KEEP" = 1 ] || [ "$rc" -ne 0 ]; then echo "# logs kept in $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mysql -h127.0.0.1 -P3306 -uroot -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

export BOT_WECOM_CORP_ID="ww$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
export BOT_WECOM_AGENT_ID=1000002
export BOT_WECOM_SECRET="$(alnum 43)"
export BOT_WECOM_TOKEN="$(alnum 32)"
export BOT_WECOM_AES_KEY="$(aes_key)"
export BOT_WECOM_AIBOT_TOKEN="$(alnum 32)"
export BOT_WECOM_AIBOT_AES_KEY="$(aes_key)"
export BOT_STORAGE_DATA_KEY="$(head -c 32 /dev/urandom | base64)"
export BOT_ADMINS=admin01
export SPRING_DATASOURCE_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true"
export SPRING_DATASOURCE_USERNAME=root
export SPRING_DATASOURCE_PASSWORD=
export SPRING_DATA_REDIS_HOST=127.0.0.1
export SPRING_DATA_REDIS_PORT=6379

FAKE_PORT="$(free_port)"
APP_PORTS=()
while [ "${#APP_PORTS[@]}" -lt "$INSTANCES" ]; do
  p="$(free_port)"
  [[ " $FAKE_PORT ${APP_PORTS[*]} " == *" $p "* ]] || APP_PORTS+=("$p")
done
APP_PORT="${APP_PORTS[0]}"
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT (+ uncommitted changes)"; fi
MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
LABEL="机器：$(nproc) vCPU ${MODEL}，$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)，$(java -version 2>&1 | head -1)；MariaDB 与 Redis 在同一台机器；负载生成器与服务共用这 $(nproc) 核。日期 $(date -u '+%Y-%m-%d %H:%M UTC')，提交 ${COMMIT}。"

echo "== machine"
echo "$LABEL"
echo "== service: prod profile, -Xmx512m, database $DB, $INSTANCES instance(s) on port(s) ${APP_PORTS[*]}, fake WeCom on $FAKE_PORT"
TARGETS=""
for k in "${!APP_PORTS[@]}"; do
  # shellcheck disable=SC2086
  java -Xmx512m ${APP_JVM_OPTS:-} -jar "$JAR" --spring.profiles.active=prod --server.port="${APP_PORTS[$k]}" \
    --bot.wecom.api-base-url="http://127.0.0.1:$FAKE_PORT" --bot.load.ceiling-endpoint=true >"$TMP/app-$k.log" 2>&1 &
  APP_PIDS+=($!)
  TARGETS="${TARGETS:+$TARGETS,}http://127.0.0.1:${APP_PORTS[$k]}"
  # one at a time: Flyway migrates the fresh database once
  for i in $(seq 1 180); do
    kill -0 "${APP_PIDS[$k]}" 2>/dev/null || { tail -40 "$TMP/app-$k.log" >&2; die "instance $k exited before it was healthy"; }
    if curl -fsS "http://127.0.0.1:${APP_PORTS[$k]}/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
    [ "$i" -lt 180 ] || { tail -40 "$TMP/app-$k.log" >&2; die "instance $k was not healthy after 90 s"; }
    sleep 0.5
  done
  echo "# instance $k healthy after $((i / 2)) s"
done
APP_PID="${APP_PIDS[0]}"

if [ "$QUICK" = 1 ]; then
  PHASES=(--phases ceiling:max,max,1000,5000 --duration 5 --warmup 8000 --ceiling-warmup 5000 --grace 20)
else
  PHASES=(--phases ceiling:max,max,1000,2000,5000 --duration 15 --warmup 15000 --ceiling-warmup 10000 --grace 30)
fi
MD_ARGS=()
[ -n "$MD_OUT" ] && MD_ARGS=(--md-out "$MD_OUT")
HOOK_ARGS=()
if [ -n "${ASYNC_PROFILER_LIB:-}" ]; then
  [ -f "$ASYNC_PROFILER_LIB" ] || die "ASYNC_PROFILER_LIB not found: $ASYNC_PROFILER_LIB"
  command -v jcmd >/dev/null || die "jcmd (JDK) needed for ASYNC_PROFILER_LIB"
  KEEP=1
  mkdir -p "$TMP/profiles"
  cat >"$TMP/hook.sh" <<HOOK
#!/usr/bin/env bash
# \$1 = start|sent|done, \$2 = phase; profiles $APP_PID while sending (start..sent) and while draining (sent..done)
EVENT="\$1"; PHASE="\$2"
threads() { for t in /proc/$APP_PID/task/*; do echo "\$(cat \$t/comm 2>/dev/null)|\$(awk '{print \$14+\$15}' \$t/stat 2>/dev/null)"; done >"$TMP/profiles/\$PHASE-\$EVENT.threads"; date +%s.%N >>"$TMP/profiles/\$PHASE-\$EVENT.threads"; }
agent() { jcmd $APP_PID JVMTI.agent_load "$ASYNC_PROFILER_LIB" "\"\$1\"" >/dev/null; }
case "\$EVENT" in
  start) threads; agent "start,event=itimer,interval=1ms" ;;
  sent) agent "stop,file=$TMP/profiles/\$PHASE-ingest.collapsed,collapsed"; threads; agent "start,event=itimer,interval=1ms" ;;
  done) agent "stop,file=$TMP/profiles/\$PHASE-drain.collapsed,collapsed"; threads ;;
esac
HOOK
  chmod +x "$TMP/hook.sh"
  HOOK_ARGS=(--hook "$TMP/hook.sh")
  echo "# profiling the service with $ASYNC_PROFILER_LIB into $TMP/profiles"
fi
set +e
MULTI=()
[ "$INSTANCES" -gt 1 ] && MULTI=(--dup-other-target)
java -Xmx1g -XX:+UseParallelGC -jar "$LOAD_JAR" --targets "$TARGETS" --fake-port "$FAKE_PORT" "${MULTI[@]}" \
  --metrics "http://127.0.0.1:$APP_PORT/actuator/metrics/jvm.memory.used?tag=area:heap" --service-pid "$APP_PID" \
  --label "$LABEL" "${PHASES[@]}" "${MD_ARGS[@]}" "${HOOK_ARGS[@]}" "${EXTRA[@]}"
RC=$?
set -e
if grep -q "OutOfMemoryError" "$TMP"/app-*.log; then echo "load: the service ran out of heap (OutOfMemoryError in its log)"; RC=1; fi
ERRORS="$(cat "$TMP"/app-*.log | grep -c ' ERROR ' || true)"
echo "# service log(s): $ERRORS ERROR lines$([ "$ERRORS" -gt 0 ] && echo ", e.g.: $(cat "$TMP"/app-*.log | grep -m1 ' ERROR ' | cut -c1-300)")"
exit "$RC"
