#!/usr/bin/env bash
# Two instances behind HAProxy (ops/haproxy/haproxy.cfg) on a fresh PostgreSQL database; reports
# are filed through HAProxy without pause while ops/rolling-restart.sh restarts both instances,
# one after the other. Counts the requests that failed (aim: 0) and checks that every report
# acknowledged (201) is in the database.
#
#   bash bench/rolling-restart.sh [SECONDS_OF_LOAD_BEFORE_AND_AFTER]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
settle="${1:-10}"
db=lapor_rolling
work=$(mktemp -d)
bench_fresh_database "$db"
bench_migrate "$db" 18081

start_instance() { # port
  SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db \
  SPRING_DATASOURCE_USERNAME=postgres LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  java -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port="$1" --logging.level.root=WARN \
    --lapor.rate-limit.writes-per-minute=100000000 \
    > "$work/instance-$1.log" 2>&1 &
  echo $! > "$work/instance-$1.pid"
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null && return; sleep 1; done
  echo "instance $1 did not start" >&2; exit 1
}
restart_instance() { # port: graceful stop (SIGTERM), then start again
  local pid; pid=$(cat "$work/instance-$1.pid")
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  start_instance "$1"
}
export -f start_instance restart_instance
export db work

cleanup() {
  for f in "$work"/instance-*.pid "$work"/haproxy.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
}
trap cleanup EXIT

start_instance 18081
start_instance 18082
LAPOR_HAPROXY_BIND=127.0.0.1:18080 LAPOR_INSTANCE_A=127.0.0.1:18081 LAPOR_INSTANCE_B=127.0.0.1:18082 \
  haproxy -f ops/haproxy/haproxy.cfg -db > "$work/haproxy.log" 2>&1 &
echo $! > "$work/haproxy.pid"
sleep 3

restart_window=$((settle * 2 + 240))
python3 bench/load.py http://127.0.0.1:18080 "$restart_window" 4 "$work/codes" > "$work/load.json" &
load=$!
sleep "$settle"
started=$(date +%s)
LAPOR_RESTART='restart_instance {port}' bash ops/rolling-restart.sh 18081 18082
echo "rolling restart took $(( $(date +%s) - started )) s"
wait $load
cat "$work/load.json"
acknowledged=$(grep -c . "$work/codes" || true)
stored=$(psql -h 127.0.0.1 -U postgres -d "$db" -qtA <<SQL
create temporary table acknowledged (code varchar(20));
\copy acknowledged from '$work/codes'
select count(*) from report r join acknowledged a on r.tracking_code = replace(a.code, '-', '');
SQL
)
echo "acknowledged: $acknowledged, in the database: $stored"
[ "$acknowledged" = "$stored" ] || { echo "LOST REPORTS" >&2; exit 1; }
