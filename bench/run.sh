#!/usr/bin/env bash
# Load benchmark of report creation and of one transition (forward), against the service on
# PostgreSQL on this machine (profile prod, a fresh database lapor_bench). Not a test.
#   bash bench/run.sh            # 30 s per measured phase, 2 wrk threads, 8 connections
#   DURATION=60s CONNECTIONS=16 bash bench/run.sh
# The JIT needs about ninety seconds of load on two cores before the figures settle, so each measured
# phase follows a warm-up of the same requests whose figures are discarded.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-90s}
THREADS=${THREADS:-2}
PORT=${PORT:-8089}
export BENCH_DIR=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL must run on 127.0.0.1:5432 (bash scripts/test.sh starts it)" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -qtAc "drop database if exists lapor_bench with (force)"
psql -h 127.0.0.1 -U postgres -d postgres -qtAc "create database lapor_bench"

[ -f target/lapor-jambi-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -ntp -DskipTests package
SPRING_PROFILES_ACTIVE=prod \
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/lapor_bench \
SPRING_DATASOURCE_USERNAME=postgres \
LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
LAPOR_DEMO_ENABLED=true \
java -Xms512m -Xmx1g -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port=$PORT --logging.level.root=WARN --lapor.rate-limit.enabled=false \
  > "$BENCH_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

echo "== warm-up: $WARMUP of creates, then of forwards (discarded)"
export BENCH_TOKEN=$(curl -s "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"nasional","password":"demo12345"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/create.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/forward.lua "http://127.0.0.1:$PORT" >/dev/null
rm -f "$BENCH_DIR"/codes-*.txt

echo "== create: POST /api/v1/reports, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/create.lua "http://127.0.0.1:$PORT"

echo "== transition: POST /api/v1/reports/{code}/actions/forward, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/forward.lua "http://127.0.0.1:$PORT"
echo "reports in the database: $(psql -h 127.0.0.1 -U postgres -d lapor_bench -qtAc 'select count(*) from report')"
echo "forwarded: $(psql -h 127.0.0.1 -U postgres -d lapor_bench -qtAc "select count(*) from report where status = 'FORWARDED'")"
echo "timeline entries: $(psql -h 127.0.0.1 -U postgres -d lapor_bench -qtAc 'select count(*) from timeline_entry')"
