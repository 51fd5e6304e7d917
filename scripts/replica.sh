#!/usr/bin/env bash
# A throwaway PostgreSQL primary and its streaming replica (pg_basebackup) on two local ports,
# for the reporting-replica test (ReportingReplicaIntegrationTests).
#   scripts/replica.sh start DIR   → starts both under DIR, prints the test's settings as env lines
#   scripts/replica.sh stop DIR    → stops both and removes DIR
# Runs the servers as the postgres user when started as root (PostgreSQL refuses root).
set -euo pipefail
action=$1
dir=$2
# the first free port from $1 (a server left over from a killed run keeps its port)
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
  primary_port=$(free_port 55432)
  replica_port=$(free_port $((primary_port + 1)))
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -N >"$dir/initdb.log"
  cat >>"$dir/primary/postgresql.conf" <<CONF
port = $primary_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 4
shared_buffers = 32MB
fsync = off
CONF
  as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream
  echo "port = $replica_port" >>"$dir/replica/postgresql.conf"
  as_pg "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w start >/dev/null
  psql -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -qc "create database lapor_replica"
  echo "LAPOR_TEST_REPLICA_PRIMARY_URL=jdbc:postgresql://127.0.0.1:$primary_port/lapor_replica"
  echo "LAPOR_TEST_REPLICA_URL=jdbc:postgresql://127.0.0.1:$replica_port/lapor_replica"
  prefix=""
  [ "$(id -u)" -eq 0 ] && prefix="runuser -u postgres -- "
  echo "LAPOR_TEST_REPLICA_STOP=${prefix}$bin/pg_ctl -D $dir/replica -m fast -w stop"
  echo "LAPOR_TEST_REPLICA_START=${prefix}$bin/pg_ctl -D $dir/replica -l $dir/replica.log -w start"
  ;;
stop)
  for server in replica primary; do
    [ -d "$dir/$server" ] && as_pg "$bin/pg_ctl" -D "$dir/$server" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
