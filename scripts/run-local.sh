#!/usr/bin/env bash
# Builds sanshe-bot and runs it on the embedded default (H2 under ./data, built-in fake WeCom, simulator).
# Needs only JDK 17 and Maven. Port: SERVER_PORT (default 8080). Extra arguments go to the service (--name=value).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${SERVER_PORT:-8080}"
echo "[run-local] building (tests skipped; scripts/test.sh runs them)"
mvn -q -B -ntp -DskipTests package
echo "[run-local] starting on port $port"
java -jar bot-app/target/bot-app.jar --server.port="$port" "$@" &
app=$!
# health check without curl: plain HTTP over bash's /dev/tcp
healthy() { { exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && grep -q '"UP"' <&3; } 2>/dev/null; }
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' INT TERM EXIT
for _ in $(seq 1 120); do
  if healthy; then
    echo
    echo "  三社联动群助手已启动 / sanshe-bot is running"
    echo "  模拟器 Simulator:   http://localhost:$port/simulator"
    echo "  健康检查 Health:    http://localhost:$port/actuator/health"
    echo "  回调地址 Callbacks: http://localhost:$port/wecom/app/callback , /wecom/aibot/callback"
    echo "  本地凭据 Local credentials: ./data/local-secrets.properties   (Ctrl+C 停止 / to stop)"
    echo
    break
  fi
  kill -0 $app 2>/dev/null || { echo "[run-local] the service stopped; see the log above"; exit 1; }
  sleep 1
done
wait $app
