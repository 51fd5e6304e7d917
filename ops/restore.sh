#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into a NEW database (an existing one is refused: restore
# next to the old one, check, then point the service at it). Connection from libpq's environment
# (PGHOST, PGPORT, PGUSER, PGPASSWORD); the user needs CREATEDB. Then start the service on it:
# Flyway finds its history and migrates forward if the service is newer.
#
#   ops/restore.sh FILE DATABASE
set -euo pipefail
file="${1:?usage: ops/restore.sh FILE DATABASE}"
database="${2:?usage: ops/restore.sh FILE DATABASE}"
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 1; }
createdb "$database"
if ! pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$file"; then
  echo "restore failed; $database left for inspection (dropdb $database to retry)" >&2
  exit 1
fi
echo "restored into $database"
