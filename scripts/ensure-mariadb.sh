#!/usr/bin/env bash
# Makes sure a MariaDB server answers on 127.0.0.1:3306 for user root with an empty password, as
# the test suite's MariaDB run expects. Uses the running one; otherwise starts an installed server;
# otherwise installs Debian's mariadb-server and starts it. A fresh install lets root in only
# through the local socket: the script then adds root@127.0.0.1 without a password (a test
# machine's server only). Needs root (or sudo) only when it has to install or start something.
set -euo pipefail

HOST=127.0.0.1
PORT=${MARIADB_PORT:-3306}

client() { command -v mariadb >/dev/null && echo mariadb || echo mysql; }
ready() { "$(client)" -h "$HOST" -P "$PORT" -u root --connect-timeout=2 -e 'select 1' >/dev/null 2>&1; }

if command -v "$(client)" >/dev/null && ready; then
  echo "MariaDB is running on $HOST:$PORT."
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/sbin/mariadbd ]; then
  echo "Installing MariaDB from Debian's packages..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq mariadb-server >/dev/null
fi

socket_up() { as_root "$(client)" -u root -e 'select 1' >/dev/null 2>&1; }
if ! socket_up; then
  echo "Starting MariaDB..."
  as_root mkdir -p /run/mysqld
  as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 30); do socket_up && break; sleep 1; done
fi

if ! ready; then
  echo "Letting root in from $HOST without a password (test server only)..."
  as_root "$(client)" -u root -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
    GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
fi

for _ in $(seq 1 30); do
  if ready; then
    echo "MariaDB is running on $HOST:$PORT."
    exit 0
  fi
  sleep 1
done
echo "MariaDB did not come up on $HOST:$PORT" >&2
exit 1
