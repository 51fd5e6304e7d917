#!/usr/bin/env bash
# Runs the whole test suite on a real PostgreSQL and, for the page journeys, a real Chromium.
# Uses the server on 127.0.0.1:5432 when one runs; otherwise starts the local one, installing
# Debian's postgresql package first when it is missing. Creates a fresh database lapor_test
# (owned by the role lapor_test) for every run, then runs Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=127.0.0.1
PGPORT=5432
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pg_isready -h "$PGHOST" -p "$PGPORT" -q 2>/dev/null; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing Debian's postgresql package"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -h "$PGHOST" -p "$PGPORT" -q && break
    sleep 1
  done
  pg_isready -h "$PGHOST" -p "$PGPORT" -q || { echo "PostgreSQL did not start" >&2; exit 1; }
fi

# The page journeys drive Debian's Chromium (Playwright for Java, no browser download).
if [ -z "${LAPOR_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is not installed: installing Debian's chromium package"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# An administrator's connection: over TCP where the server trusts it, else as the postgres user.
if psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  admin() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }
else
  admin() { as_root su postgres -c "psql -d postgres -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
fi

if [ "$(admin "select 1 from pg_roles where rolname = 'lapor_test'")" != "1" ]; then
  admin "create role lapor_test login password 'lapor_test'"
fi
# the backup test restores into a database of its own
admin "alter role lapor_test createdb"
admin "drop database if exists lapor_test with (force)"
admin "create database lapor_test owner lapor_test"

export LAPOR_TEST_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/lapor_test"
export LAPOR_TEST_DATABASE_USER=lapor_test
export LAPOR_TEST_DATABASE_PASSWORD=lapor_test

# A primary and its streaming replica of their own (ports from 55432 up), for the test of
# the reporting replica (stopped and removed when the run ends).
replica_dir="/tmp/lapor-replica-$$"
trap 'bash scripts/replica.sh stop "$replica_dir"' EXIT
while IFS='=' read -r name value; do
  export "$name=$value"
done < <(bash scripts/replica.sh start "$replica_dir")
[ -n "${LAPOR_TEST_REPLICA_URL:-}" ] || { echo "The test replica did not start" >&2; exit 1; }

./mvnw -B -ntp verify "$@"
