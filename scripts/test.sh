#!/usr/bin/env bash
# Runs every test: unit tests (surefire), integration tests on real MariaDB and Redis (failsafe), the end-to-end tests
# through the real weixin-java-cp client against a fake WeCom, and the independent WeCom client (Node.js, not this
# project's code) against the built jar. With CI=true nothing may be skipped: a missing MariaDB, Redis or Node fails.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "[test] $*"; }

command -v java >/dev/null || { say "Java 17 is needed (apt-get install openjdk-17-jdk-headless)"; exit 1; }
command -v mvn >/dev/null || { say "Maven is needed (apt-get install maven)"; exit 1; }

if scripts/services.sh; then
  export SANSHE_SERVICES=up
else
  if [[ "${CI:-}" == "true" ]]; then
    say "CI=true and MariaDB/Redis are not available: failing rather than skipping their tests"
    exit 1
  fi
  say "MariaDB/Redis are not available: their integration tests will be SKIPPED (each says so)"
  export SANSHE_SERVICES=down
fi

say "mvn clean verify (unit, integration and end-to-end tests; clean, so bot-app.jar never packs stale module jars)"
mvn -B -ntp clean verify

if ! command -v node >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing nodejs from Debian's packages for the independent WeCom client"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  fi
fi
if command -v node >/dev/null; then
  say "independent WeCom client: crypto self-test against the official vectors"
  node scripts/wecom-client/selftest.mjs
  say "independent WeCom client: conformance against bot-app/target/bot-app.jar"
  node scripts/wecom-client/conformance.mjs --jar bot-app/target/bot-app.jar
  say "independent WeCom client: slash-commands and configuration bootstrap against bot-app/target/bot-app.jar"
  node scripts/wecom-client/commands.mjs --jar bot-app/target/bot-app.jar
  say "independent WeCom client: crisis escalation and group rules (cards, 接手, the chain, 无人接手, three cards at once, warnings) against bot-app/target/bot-app.jar"
  node scripts/wecom-client/escalation.mjs --jar bot-app/target/bot-app.jar
  say "independent WeCom client: 紧急 and 留意, people by name, 误报 feedback and its export, /转交 by nickname against bot-app/target/bot-app.jar"
  node scripts/wecom-client/urgency.mjs --jar bot-app/target/bot-app.jar
  say "independent WeCom client: group nickname checks (join, digest, flags, poll, report) against bot-app/target/bot-app.jar"
  node scripts/wecom-client/nicknames.mjs --jar bot-app/target/bot-app.jar
elif [[ "${CI:-}" == "true" ]]; then
  say "CI=true and Node.js is not available for the independent client: failing"
  exit 1
else
  say "Node.js is not available: the independent WeCom client checks are SKIPPED"
fi
say "all tests passed"
