#!/usr/bin/env bash
# How fast GET /api/v1/stats/sla answers over 1,000,000 closed reports (seven timed timeline
# entries each) on PostgreSQL (127.0.0.1:5432), and, for comparison, the exact percentiles
# computed over the timeline itself. Not a test.
#   bash bench/sla-figures.sh            # 1,000,000 reports
#   REPORTS=100000 bash bench/sla-figures.sh
#   REUSE=1 bash bench/sla-figures.sh    # keep the database of the last run
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
REPORTS=${REPORTS:-1000000}
DB=lapor_bench_figures
PORT=${PORT:-8087}
psql_() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ -z "${REUSE:-}" ]; then
bench_fresh_database "$DB"
bench_migrate "$DB" "$PORT"

echo "== $REPORTS closed reports over the six months before 2026-11-27, seven timed steps each"
start=$(date +%s)
psql_ -c "
insert into report (id, version, tracking_code, access_key_hash, type, title, description, channel, anonymous,
  confidential, jurisdiction, agency, status, status_since, submitted_at, sop_version, timeline_length)
select md5(i::text)::uuid, 9, lpad(i::text, 12, '0'), 'x', 'COMPLAINT', 'Laporan ' || i, 'Isi', 'WEB', false, false,
  'JAMBI', (array['DINKES','PUTR','DISDIK','DISHUB','DLH'])[1 + i % 5], 'CLOSED',
  timestamptz '2026-05-27 00:00+07' + (i % 180) * interval '1 day',
  timestamptz '2026-05-27 00:00+07' + (i % 180) * interval '1 day', '2022.1', 9
from generate_series(1, $REPORTS) i;"
psql_ -c "
insert into timeline_entry (report_id, entry_number, occurred_at, action, from_status, to_status, actor_role,
  decree_step, due_at, met, working_seconds, jurisdiction, agency)
select md5(i::text)::uuid, s.n + 1, timestamptz '2026-05-27 08:00+07' + (i % 180) * interval '1 day' + s.n * interval '1 hour',
  s.action, s.from_status, s.to_status, 'COORDINATOR', s.step,
  timestamptz '2026-05-27 08:00+07' + (i % 180) * interval '1 day', (i + s.n) % 4 <> 0,
  (abs(hashtext(i::text || s.n)) % s.spread) + 60, 'JAMBI',
  case when s.from_status in ('DISPOSED', 'IN_PROGRESS') then (array['DINKES','PUTR','DISDIK','DISHUB','DLH'])[1 + i % 5] end
from generate_series(1, $REPORTS) i,
  (values (1, 'forward', 'SUBMITTED', 'FORWARDED', '2', 86400), (2, 'receive', 'FORWARDED', 'RECEIVED', '3', 27000),
          (3, 'verify', 'RECEIVED', 'VERIFIED', '4', 1200), (4, 'assign', 'VERIFIED', 'ASSIGNED', '6', 1200),
          (5, 'dispose', 'ASSIGNED', 'DISPOSED', '7', 600), (6, 'accept', 'DISPOSED', 'IN_PROGRESS', '8', 600),
          (7, 'answer', 'IN_PROGRESS', 'ANSWERED', '8', 135000), (8, 'close', 'ANSWERED', 'CLOSED', null, 270000))
    as s(n, action, from_status, to_status, step, spread)
where s.step is not null;
analyze report; analyze timeline_entry;"
echo "generated in $(( $(date +%s) - start )) s: $(psql_ -c 'select count(*) from timeline_entry') timeline entries"
fi

echo "== the service rolls the timeline up (scheduler on), then answers GET /api/v1/stats/sla"
SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
SPRING_DATASOURCE_USERNAME=postgres LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
LAPOR_DEMO_ENABLED=true java -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port=$PORT \
  --logging.level.root=WARN >/dev/null 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
start=$(date +%s)
target=$(psql_ -c "select max(id) from timeline_entry")
until [ "$(psql_ -c 'select last_id from sla_figure_watermark')" = "$target" ]; do sleep 5; done
echo "roll-up of all entries: $(( $(date +%s) - start )) s (including up to a minute until its first run)"
echo "roll-up rows: $(psql_ -c 'select count(*) from sla_figure_daily')"
TOKEN=$(curl -s "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"nasional","password":"demo12345"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for range in "2026-11-01:2026-11-27" "2026-05-27:2026-11-27"; do
  from=${range%%:*}; to=${range##*:}
  echo "-- GET /api/v1/stats/sla?from=$from&to=$to&jurisdiction=JAMBI, 5 runs (seconds, whole HTTP request)"
  for run in 1 2 3 4 5; do
    curl -s -o /dev/null -w "%{time_total} " -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT/api/v1/stats/sla?from=$from&to=$to&jurisdiction=JAMBI"
  done
  echo
done
curl -s -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/api/v1/stats/sla?from=2026-05-27&to=2026-11-27&jurisdiction=JAMBI" | head -c 600; echo

echo "== for comparison: exact percentiles over the timeline itself (the first version of the endpoint)"

measures="count(*) as total, avg(case when met then 1.0 else 0.0 end) as on_time,
  percentile_cont(0.5) within group (order by working_seconds) as median,
  percentile_cont(0.9) within group (order by working_seconds) as p90"
for range in "2026-11-01:2026-11-28" "2026-05-27:2026-11-28"; do
  from=${range%%:*}; to=${range##*:}
  echo "== figures for $from to $to (jurisdiction JAMBI), 3 runs each, PostgreSQL execution time"
  for run in 1 2 3; do
    steps=$(psql_ -c "explain (analyze) select from_status, $measures from timeline_entry
      where occurred_at >= '$from 00:00+07' and occurred_at < '$to 00:00+07' and due_at is not null
        and working_seconds is not null and jurisdiction = 'JAMBI' group by from_status" | grep "Execution Time")
    agencies=$(psql_ -c "explain (analyze) select agency, $measures from timeline_entry
      where occurred_at >= '$from 00:00+07' and occurred_at < '$to 00:00+07' and due_at is not null
        and working_seconds is not null and agency is not null and from_status in ('DISPOSED', 'IN_PROGRESS')
        and jurisdiction = 'JAMBI' group by agency order by agency" | grep "Execution Time")
    echo "per step: $steps | per agency: $agencies"
  done
done
