#!/usr/bin/env bash
# Where a create and a forward spend their time (issue 17, point 3), before anything changes:
# per request, the transactions committed and the rows inserted, updated and deleted in each
# table (PostgreSQL's own statistics, reset before each phase), the event publications written,
# and a JFR profile of the service under the load (its hottest methods, and the share of the
# samples in Spring Security, JSON, the publication registry and JDBC). Not a test.
#   bash bench/profile.sh                  # 8 connections, 60 s warm-ups, 30 s per phase
#   DURATION=60 CONNECTIONS=16 bash bench/profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-60}
THREADS=${THREADS:-2}
PORT=${PORT:-8089}
DB=lapor_bench_profile
JFR_TOOL=${JFR_TOOL:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}
export BENCH_DIR=$(mktemp -d)
OUT=${OUT:-target/bench-profile}
mkdir -p "$OUT"
. bench/lib.sh
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bench_fresh_database "$DB"
sql() { psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc "$1"; }

bench_start_service "$DB" "$PORT"
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; rm -rf "$BENCH_DIR"' EXIT

echo "== warm-up: ${WARMUP}s of creates, then of forwards (discarded)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/create.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/forward.lua "http://127.0.0.1:$PORT" >/dev/null
rm -f "$BENCH_DIR"/codes-*.txt
sleep 15 # the listeners of the warm-up finish

# every table's row changes and scans, and the commits, since the last reset
snapshot() {
  sql "select 'commits', xact_commit from pg_stat_database where datname = current_database()
       union all select 'rollbacks', xact_rollback from pg_stat_database where datname = current_database()
       union all select relname || ' ins', n_tup_ins from pg_stat_user_tables where n_tup_ins > 0
       union all select relname || ' upd', n_tup_upd from pg_stat_user_tables where n_tup_upd > 0
       union all select relname || ' del', n_tup_del from pg_stat_user_tables where n_tup_del > 0
       union all select relname || ' idx scans', idx_scan from pg_stat_user_tables where idx_scan > 0
       union all select relname || ' seq scans', seq_scan from pg_stat_user_tables where seq_scan > 0
       order by 1"
}

phase() { # name script unit: the table change that counts one request (report ins, timeline_entry ins)
  sql "select pg_stat_reset()" >/dev/null
  jcmd $SERVICE JFR.start name="$1" settings=profile >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "bench/$2" "http://127.0.0.1:$PORT" > "$OUT/$1-wrk.txt"
  jcmd $SERVICE JFR.stop name="$1" filename="$PWD/$OUT/$1.jfr" >/dev/null
  sleep 15 # after-commit listeners finish; idle backends report their statistics
  snapshot > "$BENCH_DIR/$1-stats.txt"
  local requests
  requests=$(awk -F'|' -v unit="$3" '$1 == unit {print $2}' "$BENCH_DIR/$1-stats.txt")
  echo
  echo "== $1: $requests done in ${DURATION}s ($(awk '/Requests\/sec/ {print $2}' "$OUT/$1-wrk.txt") requests/s,"\
    "p99 $(awk '/^ +99%/ {print $2}' "$OUT/$1-wrk.txt"); $(grep non-2xx "$OUT/$1-wrk.txt"))"
  echo "| per $1 | count |"
  echo "|---|---|"
  awk -F'|' -v n="$requests" '$2 > 0 && $2 / n >= 0.005 {printf "| %s | %.2f |\n", $1, $2 / n}' "$BENCH_DIR/$1-stats.txt"
  echo
  echo "hottest methods (JFR execution samples, top 15):"
  "$JFR_TOOL" view --width 160 hot-methods "$OUT/$1.jfr" 2>/dev/null | sed -n '1,22p' || true
  echo "CPU samples by the first frame outside the JDK (self time of each library):"
  "$JFR_TOOL" print --stack-depth 96 --events jdk.ExecutionSample "$OUT/$1.jfr" > "$BENCH_DIR/$1-samples.txt"
  awk '
    /jdk.ExecutionSample/ { if (seen) count(frame); seen = 1; frame = "" ; next }
    /line:/ && frame == "" && $1 !~ /^(java|javax|jdk|sun|com\.sun)\./ { frame = $1 }
    function count(f) {
      total++
      if (f ~ /^org\.springframework\.security/) k = "Spring Security"
      else if (f ~ /^org\.springframework\.modulith/) k = "event publication registry"
      else if (f ~ /^org\.springframework\.jdbc|^org\.springframework\.transaction/) k = "Spring JDBC and transactions"
      else if (f ~ /^org\.springframework/) k = "Spring (web, core, other)"
      else if (f ~ /^tools\.jackson|^com\.fasterxml/) k = "Jackson (JSON)"
      else if (f ~ /^org\.postgresql/) k = "PostgreSQL driver"
      else if (f ~ /^com\.zaxxer/) k = "Hikari pool"
      else if (f ~ /^org\.apache\.(catalina|coyote|tomcat)/) k = "Tomcat"
      else if (f ~ /^ch\.qos|^org\.slf4j/) k = "logging"
      else if (f ~ /^id\.go\.jambiprov/) k = "our code"
      else if (f == "") k = "JDK only (GC, JIT, I/O)"
      else k = "other"
      by[k]++
    }
    END { if (seen) count(frame)
      printf "| of %d samples | share |\n|---|---|\n", total
      for (k in by) printf "| %s | %.0f %% |\n", k, 100 * by[k] / total }' "$BENCH_DIR/$1-samples.txt"
}

phase create create.lua "report ins"
phase forward forward.lua "timeline_entry ins"
echo
echo "JFR recordings and wrk outputs: $OUT"
