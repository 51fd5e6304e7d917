#!/usr/bin/env bash
# Oversight over 1,000,000 reports and their timelines on PostgreSQL (127.0.0.1:5432): the
# dashboard (page and API), the monthly performance report (JSON and PDF), the public
# statistics (API and page) under 8 connections for 20 s each, and one inbox export of the
# open reports (about 100,000 rows) with the heap the service needed meanwhile. Not a test.
#   bash bench/oversight.sh              # 1,000,000 reports
#   REPORTS=100000 bash bench/oversight.sh
#   REUSE=1 bash bench/oversight.sh      # keep the database of the last run
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
REPORTS=${REPORTS:-1000000}
DB=lapor_bench_oversight
PORT=${PORT:-8086}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
HEAP=${HEAP:-256m}
WARMUP=${WARMUP:-30s}
OUT=$(mktemp -d)
psql_() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }

if [ -z "${REUSE:-}" ]; then
bench_fresh_database "$DB"
bench_migrate "$DB" "$PORT"
echo "== $REPORTS reports over the twelve months to 27 November 2026, with their timelines"
start=$(date +%s)
# the agencies, categories and regencies of the seed; 90 % closed (30 % of them rated), 4 % at an
# agency (a third of those overdue), the rest waiting for the coordinator or the national admin;
# 5 % confidential, 10 % anonymous
# tracking codes as the service makes them: eleven digits and a Damm check digit
DAMM="create function pg_temp.damm(digits text) returns text language plpgsql immutable as \$\$
declare t int[] := array[0,3,1,7,5,9,8,6,4,2,7,0,9,2,1,5,4,8,6,3,4,2,0,6,8,7,1,3,5,9,1,7,5,0,9,8,3,4,2,6,6,1,2,3,0,4,5,9,7,8,3,6,7,4,2,0,9,5,8,1,5,8,6,9,7,2,0,1,3,4,8,9,4,5,3,6,2,0,1,7,9,4,3,8,6,1,7,2,0,5,2,5,8,1,4,3,6,7,9,0];
  interim int := 0;
begin
  for i in 1 .. length(digits) loop interim := t[interim * 10 + ascii(substr(digits, i, 1)) - 48 + 1]; end loop;
  return digits || interim;
end \$\$;"
psql_ -c "$DAMM
create temporary table pick as
select (select array_agg(code order by code) from agency where jurisdiction = 'JAMBI') as agencies,
       (select array_agg(code order by code) from category where parent is not null) as categories,
       (select array_agg(name order by sort_order) from regency) as regencies;
insert into report (id, version, tracking_code, access_key_hash, type, title, description, channel, anonymous,
  confidential, reporter_name, reporter_phone, category, location_regency, jurisdiction, agency, status,
  status_since, step_due_at, submitted_at, rating, sop_version, timeline_length, resolution_due_at)
select md5(i::text)::uuid, 9, pg_temp.damm(lpad(i::text, 11, '0')), 'x',
  (array['COMPLAINT','COMPLAINT','ASPIRATION','INFORMATION_REQUEST'])[1 + i % 4],
  'Laporan ' || i, 'Isi laporan ' || i, (array['WEB','MOBILE','SMS','WHATSAPP','TELEGRAM'])[1 + i % 5],
  i % 10 = 0, i % 20 = 0, 'Warga ' || i, '+62812' || lpad((i % 10000000)::text, 7, '0'),
  p.categories[1 + i % array_length(p.categories, 1)], p.regencies[1 + i % 11], 'JAMBI',
  case when i % 100 < 94 then p.agencies[1 + i % array_length(p.agencies, 1)] end,
  case when i % 100 < 90 then 'CLOSED' when i % 100 < 92 then 'IN_PROGRESS' when i % 100 < 94 then 'DISPOSED'
       when i % 100 < 96 then 'RECEIVED' when i % 100 < 98 then 'FORWARDED' else 'SUBMITTED' end,
  s.at + interval '3 days',
  case when i % 100 between 90 and 99 then
    case when i % 3 = 0 then timestamptz '2026-11-20 10:00+07' else timestamptz '2026-12-10 10:00+07' end end,
  s.at, case when i % 100 < 90 and i % 10 < 3 then 1 + i % 5 end, '2022.1', 8, s.at + interval '7 days'
from generate_series(1, $REPORTS) i, pick p,
  lateral (select timestamptz '2025-11-28 08:00+07' + (i % 365) * interval '1 day' + (i % 7) * interval '1 hour' as at) s;"
psql_ -c "
insert into timeline_entry (report_id, entry_number, occurred_at, action, from_status, to_status, actor_role,
  decree_step, due_at, met, working_seconds, jurisdiction, agency)
select r.id, s.n + 1, r.submitted_at + s.n * interval '10 hours', s.action, s.from_status, s.to_status, 'COORDINATOR',
  s.step, r.submitted_at + s.n * interval '10 hours', (abs(hashtext(r.tracking_code)) + s.n) % 4 <> 0,
  (abs(hashtext(r.tracking_code || s.n)) % s.spread) + 60, 'JAMBI',
  case when s.from_status in ('DISPOSED', 'IN_PROGRESS') then r.agency end
from report r,
  (values (1, 'forward', 'SUBMITTED', 'FORWARDED', '2', 86400), (2, 'receive', 'FORWARDED', 'RECEIVED', '3', 27000),
          (3, 'verify', 'RECEIVED', 'VERIFIED', '4', 1200), (4, 'assign', 'VERIFIED', 'ASSIGNED', '6', 1200),
          (5, 'dispose', 'ASSIGNED', 'DISPOSED', '7', 600), (6, 'accept', 'DISPOSED', 'IN_PROGRESS', '8', 600),
          (7, 'answer', 'IN_PROGRESS', 'ANSWERED', '8', 135000))
    as s(n, action, from_status, to_status, step, spread)
where r.status = 'CLOSED';"
echo "== the read models as the events would have filled them (SQL over the generated rows)"
psql_ -c "
insert into sla_figure_daily (figure_day, jurisdiction, agency, from_status, bucket, entries, met)
select (occurred_at at time zone 'Asia/Jakarta')::date, jurisdiction, coalesce(agency, ''), from_status,
  floor(ln(greatest(working_seconds, 1)) / ln(1.1))::int, count(*), sum(case when met then 1 else 0 end)
from timeline_entry group by 1, 2, 3, 4, 5;
insert into sla_figure_monthly (figure_month, jurisdiction, agency, from_status, bucket, entries, met)
select date_trunc('month', figure_day)::date, jurisdiction, agency, from_status, bucket, sum(entries), sum(met)
from sla_figure_daily group by 1, 2, 3, 4, 5;
insert into insight_monthly (figure_month, jurisdiction, agency, measure, n)
select date_trunc('month', submitted_at at time zone 'Asia/Jakarta')::date, '', '', 'SUBMITTED', count(*) from report group by 1
union all
select date_trunc('month', occurred_at at time zone 'Asia/Jakarta')::date, 'JAMBI', '', 'FORWARDED', count(*)
  from timeline_entry where action = 'forward' group by 1
union all
select date_trunc('month', t.occurred_at at time zone 'Asia/Jakarta')::date, 'JAMBI', r.agency, m.measure, count(*)
  from timeline_entry t join report r on r.id = t.report_id,
  (values ('dispose', 'DISPOSED'), ('answer', 'ANSWERED')) as m(action, measure)
  where t.action = m.action group by 1, 3, 4
union all
select date_trunc('month', t.occurred_at at time zone 'Asia/Jakarta')::date, 'JAMBI', r.agency, 'ANSWERED_ON_TIME', count(*)
  from timeline_entry t join report r on r.id = t.report_id where t.action = 'answer' and t.met group by 1, 3
union all
select date_trunc('month', status_since at time zone 'Asia/Jakarta')::date, 'JAMBI', agency, 'CLOSED', count(*)
  from report where status = 'CLOSED' group by 1, 3
union all
select date_trunc('month', status_since at time zone 'Asia/Jakarta')::date, 'JAMBI', agency, 'RATED_' || rating, count(*)
  from report where rating is not null group by 1, 3, 4;
update insight_backfill set done_at = now();"
# as autovacuum leaves them after a while: statistics and the visibility map (index-only scans)
psql_ -c "vacuum analyze"
echo "generated in $(( $(date +%s) - start )) s: $(psql_ -c 'select count(*) from report') reports, $(psql_ -c 'select count(*) from timeline_entry') timeline entries, $(psql_ -c "select count(*) from report where status not in ('CLOSED','ARCHIVED')") open"
fi

echo "== the service: prod profile, demo accounts, scheduler off, heap $HEAP"
SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
SPRING_DATASOURCE_USERNAME=postgres LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
LAPOR_DEMO_ENABLED=true java -Xmx$HEAP -Xlog:gc:file=$OUT/gc.log -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= \
  --server.port=$PORT --lapor.scheduler.enabled=false --logging.level.root=WARN >$OUT/service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
token() { curl -s "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"demo12345\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
session() { # a signed-in page session (form login with its CSRF token)
  local jar=$OUT/jar-$1
  local csrf
  csrf=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/masuk" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null "http://127.0.0.1:$PORT/masuk" \
    --data-urlencode "username=$1" --data-urlencode "password=demo12345" --data-urlencode "_csrf=$csrf"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" { printf "%s=%s", $6, $7 }' "$jar"
}
NATIONAL=$(token nasional)
COORDINATOR=$(token koordinator)
COOKIE=$(session koordinator)
run() { # label path [token] [cookie]
  # warm-up (the JIT needs about half a minute for a page), then the measured run
  BENCH_PATH=$2 BENCH_AUTH=${3:-} BENCH_COOKIE=${4:-} wrk -t2 -c$CONNECTIONS -d$WARMUP -s bench/latency.lua \
    "http://127.0.0.1:$PORT" >/dev/null
  printf "%-48s " "$1"
  BENCH_PATH=$2 BENCH_AUTH=${3:-} BENCH_COOKIE=${4:-} wrk -t2 -c$CONNECTIONS -d$DURATION -s bench/latency.lua \
    "http://127.0.0.1:$PORT" | tail -1
}
echo "== $CONNECTIONS connections, $DURATION each (after $WARMUP of warm-up)"
run "GET /api/v1/dashboard (coordinator)" /api/v1/dashboard "$COORDINATOR"
run "GET /api/v1/dashboard (national admin)" /api/v1/dashboard "$NATIONAL"
run "GET /petugas/dasbor (coordinator, page)" /petugas/dasbor "" "$COOKIE"
run "GET /petugas/kinerja (coordinator, page)" /petugas/kinerja "" "$COOKIE"
run "GET /api/v1/performance?month=2026-11" "/api/v1/performance?month=2026-11" "$COORDINATOR"
run "GET /api/v1/performance?month=2026-10 (national)" "/api/v1/performance?month=2026-10" "$NATIONAL"
run "GET /api/v1/statistics (this year)" "/api/v1/statistics?from=2026-01-01&to=2026-11-30"
run "GET /statistik (page)" /statistik
echo "== recomputed after a change: a report filed, then one request (seconds, whole request), 5 times"
for what in "/api/v1/dashboard|$COORDINATOR" "/api/v1/performance?month=2026-11|$COORDINATOR" "/api/v1/statistics?from=2026-01-01&to=2026-11-30|"; do
  path=${what%%|*}; auth=${what##*|}
  printf "%-48s " "$path"
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/reports" -H 'Content-Type: application/json' \
      -d '{"type":"COMPLAINT","title":"Lampu jalan padam","description":"Sudah seminggu padam.","anonymous":false,"confidential":false,"reporter":{"name":"Sari","phone":"0812-1111-2222"}}'
    sleep 0.2
    curl -s -o /dev/null -w "%{time_total} " ${auth:+-H "Authorization: Bearer $auth"} "http://127.0.0.1:$PORT$path"
  done
  echo
done
echo "== time to first byte of /statistik, 200 sequential requests (seconds)"
for _ in $(seq 1 200); do curl -s -o /dev/null -w "%{time_starttransfer}\n" "http://127.0.0.1:$PORT/statistik"; done \
  | sort -n | awk '{ a[NR] = $1 } END { printf "p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000 }'
echo "== cold: the statistics recomputed (cache forgotten by a restart is not possible here: a new period each time)"
for year in 2026 2025; do
  for run in 1 2 3; do
    curl -s -o /dev/null -w "%{time_total} " "http://127.0.0.1:$PORT/api/v1/statistics?from=$year-0$run-01&to=$year-12-31"
  done
done
echo "(seconds, whole request)"
echo "== the PDF of the monthly performance report, 5 runs (seconds)"
for _ in 1 2 3 4 5; do
  curl -s -o $OUT/kinerja.pdf -w "%{time_total} " -H "Authorization: Bearer $COORDINATOR" \
    "http://127.0.0.1:$PORT/api/v1/performance?month=2026-11&format=pdf"
done
echo "($(stat -c %s $OUT/kinerja.pdf) bytes)"
echo "== export of the supervisor's inbox (every open report of the jurisdiction), CSV and XLSX, heap $HEAP"
SUPERVISOR=$(token pengawas)
for format in csv xlsx; do
  mark=$(wc -l < $OUT/gc.log)
  curl -s -o $OUT/export.$format -w "$format: %{time_total} s, %{size_download} bytes, " \
    -H "Authorization: Bearer $SUPERVISOR" "http://127.0.0.1:$PORT/api/v1/inbox/export?format=$format"
  rows=$([ $format = csv ] && echo $(( $(wc -l < $OUT/export.csv) - 1 )) || echo "-")
  after=$(tail -n +$((mark + 1)) $OUT/gc.log | sed -nE 's/.*->([0-9]+)M\(([0-9]+)M\).*/\1/p' | sort -n | tail -1)
  echo "rows $rows, largest heap after a collection during the export: ${after:-no collection} MB"
done
echo "RSS of the service: $(ps -o rss= -p $SERVICE | awk '{ printf "%.0f MB", $1/1024 }')"
echo "== the plans: the dashboard's open-report counts and the statistics' pass over the year"
psql_ -c "explain (analyze, buffers) select status, count(*), sum(case when step_due_at < now() then 1 else 0 end)
  from report where status in ('SUBMITTED','FORWARDED','RECEIVED','VERIFIED','RETURNED','RETURN_RECEIVED','ASSIGNED',
  'DISPOSED','IN_PROGRESS','ANSWERED','ON_HOLD') and jurisdiction = 'JAMBI' group by status" | grep -E "Scan|Execution"
psql_ -c "explain (analyze) select status, type, category, location_regency, agency, count(*) from report
  where submitted_at >= '2026-01-01' and submitted_at < '2026-12-01' and confidential = false
  group by status, type, category, location_regency, agency" | grep -E "Scan|Execution"
rm -rf "$OUT"
