#!/usr/bin/env bash
# Makes sure MariaDB (127.0.0.1:3306, root with an empty password, database "test") and Redis (127.0.0.1:6379) answer,
# for the integration tests and the benchmarks. Starts them when installed; installs them from Debian's packages
# (mariadb-server, redis-server) when missing and running as root. Says what it does, one line at a time.
# Exit 0 when both answer, 1 otherwise.
set -uo pipefail

say() { echo "[services] $*"; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { for _ in $(seq 1 60); do answers "$1" && return 0; sleep 0.5; done; return 1; }

apt_updated=0
install_pkg() {
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    say "$1 is not installed and this is not root on Debian: install it yourself (apt-get install $1)"
    return 1
  fi
  if [[ $apt_updated -eq 0 ]]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  say "installing $1 from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

ensure_redis() {
  if answers 6379; then say "Redis answers on 127.0.0.1:6379"; return 0; fi
  command -v redis-server >/dev/null || install_pkg redis-server || return 1
  say "starting Redis on 127.0.0.1:6379 (no persistence)"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir "${TMPDIR:-/tmp}" --logfile "${TMPDIR:-/tmp}/sanshe-redis.log" >/dev/null
  wait_for 6379 && say "Redis started" 
}

ensure_mariadb() {
  local fresh=0
  if ! answers 3306; then
    if ! command -v mariadbd >/dev/null && ! command -v mysqld >/dev/null; then
      install_pkg mariadb-server || return 1
      fresh=1
    fi
    say "starting MariaDB on 127.0.0.1:3306"
    local daemon; daemon=$(command -v mariadbd || command -v mysqld)
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    if command -v start-stop-daemon >/dev/null; then
      start-stop-daemon --start --oknodo --background --exec "$daemon" -- --user=mysql >/dev/null 2>&1 \
        || start-stop-daemon --start --oknodo --background --exec "$daemon" >/dev/null 2>&1
    else
      "$daemon" --user=mysql >/dev/null 2>&1 &
    fi
    wait_for 3306 || { say "MariaDB did not start"; return 1; }
  fi
  # A fresh Debian install lets root in only through the unix socket: the tests connect over TCP with an empty
  # password, as on the project's machines. Only done to a server this script installed.
  if [[ $fresh -eq 1 ]] && command -v mariadb >/dev/null; then
    say "allowing root over TCP with an empty password on this freshly installed test server"
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;" 2>/dev/null || true
  fi
  if command -v mariadb >/dev/null; then
    mariadb -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS test" 2>/dev/null || true
  fi
  say "MariaDB answers on 127.0.0.1:3306"
}

ok=0
ensure_mariadb || ok=1
ensure_redis || ok=1
exit $ok
