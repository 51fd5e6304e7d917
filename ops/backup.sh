#!/usr/bin/env bash
# Backs up the LAPOR Jambi database: one pg_dump in custom format (compressed, restorable table by
# table). The uploaded files live in the database (table attachment), so this is everything the
# service keeps. Connection from libpq's environment: PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE (default lapor). A consistent snapshot: the service keeps running meanwhile.
#
#   ops/backup.sh [FILE]        prints the file written (default lapor-<UTC time>.dump)
set -euo pipefail
out="${1:-lapor-$(date -u +%Y%m%dT%H%M%SZ).dump}"
database="${PGDATABASE:-lapor}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$out.partial" "$database"
# a dump that cannot be listed is no backup
pg_restore --list "$out.partial" > /dev/null
mv "$out.partial" "$out"
echo "$out"
