#!/usr/bin/env bash
# The service against the floor its own writes set, in one run on one machine (issue 17):
# a warm-up, the service's create and forward under CONNECTIONS connections (wrk), then pgbench
# issuing the same writes straight to PostgreSQL (bench/pgbench/*.sql: the same tables, indexes,
# triggers and row contents), and each rate, p50/p99 and the ratio. Not a test.
#   bash bench/ratio.sh                  # 8 connections, 30 s per phase, 90 s warm-ups
#   DURATION=60 CONNECTIONS=16 bash bench/ratio.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-90}
THREADS=${THREADS:-2}
PORT=${PORT:-8089}
DB=lapor_bench_ratio
export BENCH_DIR=$(mktemp -d)
. bench/lib.sh
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -n 1)
bench_fresh_database "$DB"
sql() { psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc "$1"; }

bench_start_service "$DB" "$PORT"
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; rm -rf "$BENCH_DIR"' EXIT

# wrk's summary → "rate p50 p99" (ms)
wrk_figures() {
  awk '/Requests\/sec/ {rate=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       END {printf "%.0f %.2f %.2f\n", rate, ms(p50), ms(p99)}' "$1"
}
# pgbench's per-transaction logs (latency in µs, 3rd column) → "rate p50 p99"
pgbench_figures() { # summary-file log-prefix
  local rate
  rate=$(awk '/^tps = / {printf "%.0f", $3}' "$1")
  cat "$2".* | awk '{print $3}' | sort -n | awk -v rate="$rate" '{v[NR]=$1} END {
    printf "%s %.2f %.2f\n", rate, v[int(NR*0.50)]/1000, v[int(NR*0.99)]/1000 }'
}

echo "== warm-up: ${WARMUP}s of creates, then of forwards (discarded)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/create.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/forward.lua "http://127.0.0.1:$PORT" >/dev/null
rm -f "$BENCH_DIR"/codes-*.txt

echo "== service: create, $CONNECTIONS connections, ${DURATION}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/create.lua "http://127.0.0.1:$PORT" \
  | tee "$BENCH_DIR/create.txt" | grep -E "Requests/sec|non-2xx"
echo "== service: forward, $CONNECTIONS connections, ${DURATION}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/forward.lua "http://127.0.0.1:$PORT" \
  | tee "$BENCH_DIR/forward.txt" | grep -E "Requests/sec|non-2xx"
kill $SERVICE; wait $SERVICE 2>/dev/null || true

# the rows the service wrote are the pgbench templates
sql "create table bench_template_report as select * from report where status = 'SUBMITTED' limit 1"
sql "create table bench_template_submit as select * from timeline_entry where action = 'submit' limit 1"
sql "create table bench_template_forward as select * from timeline_entry where action = 'forward' limit 1"
sql "create table bench_template_idempotency as select * from idempotency_key limit 1"
sql "create table bench_created (n bigint generated always as identity primary key, id uuid not null)"
sql "checkpoint"

cd "$BENCH_DIR"
echo "== pgbench: the create's writes, $CONNECTIONS connections, ${DURATION}s"
"$PGBENCH" -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
  -l --log-prefix=create -f "$OLDPWD/bench/pgbench/create.sql" "$DB" > pg-create.txt 2>&1
created=$(sql "select count(*) from bench_created")
echo "== pgbench: the forward's writes, $CONNECTIONS connections, ${DURATION}s (over $created reports)"
"$PGBENCH" -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
  -D created="$created" -l --log-prefix=forward -f "$OLDPWD/bench/pgbench/forward.sql" "$DB" > pg-forward.txt 2>&1
cd "$OLDPWD"
grep -h "failed\|aborted" "$BENCH_DIR"/pg-*.txt || true

read -r sc50 sc50p sc99 <<<"$(wrk_figures "$BENCH_DIR/create.txt")"
read -r sf sfp sf99 <<<"$(wrk_figures "$BENCH_DIR/forward.txt")"
read -r pc pcp pc99 <<<"$(pgbench_figures "$BENCH_DIR/pg-create.txt" "$BENCH_DIR/create")"
read -r pf pfp pf99 <<<"$(pgbench_figures "$BENCH_DIR/pg-forward.txt" "$BENCH_DIR/forward")"
echo
echo "| $CONNECTIONS connections | service /s | p50 ms | p99 ms | pgbench /s | p50 ms | p99 ms | ratio |"
echo "|---|---|---|---|---|---|---|---|"
printf "| create | %s | %s | %s | %s | %s | %s | %s %% |\n" "$sc50" "$sc50p" "$sc99" "$pc" "$pcp" "$pc99" "$(( sc50 * 100 / pc ))"
printf "| forward | %s | %s | %s | %s | %s | %s | %s %% |\n" "$sf" "$sfp" "$sf99" "$pf" "$pfp" "$pf99" "$(( sf * 100 / pf ))"
