#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth for user postgres,
# as the test suite's PostgreSQL run expects. Uses the running one; otherwise starts an installed
# cluster; otherwise installs Debian's postgresql and starts it (as the postgres user: initdb
# refuses root). Needs root (or sudo) only when it has to install or start something.
set -euo pipefail

PGHOST=127.0.0.1
PGPORT=${PGPORT:-5432}

ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; }

if command -v pg_isready >/dev/null && ready; then
  echo "PostgreSQL is running on $PGHOST:$PGPORT."
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
conf=/etc/postgresql/$version/main
# Local test server only: trust connections from this machine, as the suite uses no password.
if ! grep -q "queuedesk-test" "$conf/pg_hba.conf"; then
  as_root sed -i '1i host all all 127.0.0.1/32 trust # queuedesk-test\nhost all all ::1/128 trust # queuedesk-test\nlocal all all trust # queuedesk-test' "$conf/pg_hba.conf"
fi
echo "Starting PostgreSQL $version..."
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload

for _ in $(seq 1 30); do
  if ready; then
    echo "PostgreSQL is running on $PGHOST:$PGPORT."
    exit 0
  fi
  sleep 1
done
echo "PostgreSQL did not come up on $PGHOST:$PGPORT" >&2
exit 1
