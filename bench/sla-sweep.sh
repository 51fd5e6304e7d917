#!/usr/bin/env bash
# How fast the SLA sweep finds the newly due clocks among 1,000,000 open reports whose clocks are
# spread over a month, on PostgreSQL (127.0.0.1:5432). Not a test.
#   bash bench/sla-sweep.sh             # 1,000,000 clocks
#   CLOCKS=200000 bash bench/sla-sweep.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CLOCKS=${CLOCKS:-1000000}
DB=lapor_bench_sla
PORT=${PORT:-8088}
psql_() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }

bench_fresh_database "$DB"
bench_migrate "$DB" "$PORT"

echo "== $CLOCKS open clocks, next signals spread from 30 s ago to 30 days ahead (a tenth already breached)"
psql_ -c "
insert into sla_clock (report_id, tracking_code, step_sequence, status, jurisdiction, agency, started_at,
  standard_amount, standard_unit, warn_at, due_at, next_signal_at, signal)
select gen_random_uuid(), lpad(i::text, 12, '0'), 3, 'IN_PROGRESS', 'JAMBI', 'DINKES',
  now() - interval '1 day', 5, 'WORKING_DAYS', t, t + interval '1 day',
  case when i % 10 = 0 then null else t end, case when i % 10 = 0 then 'BREACHED' else 'NONE' end
from (select i, now() - interval '30 seconds' + random() * interval '30 days' as t
      from generate_series(1, $CLOCKS) i) g;
analyze sla_clock;"
echo "clocks: $(psql_ -c 'select count(*) from sla_clock')"
echo "newly due (next signal in the last 30 s): $(psql_ -c 'select count(*) from sla_clock where next_signal_at <= now()')"

echo "== the sweep's query (ClockSweep.sweepBatch), 5 runs, PostgreSQL execution time"
for run in 1 2 3 4 5; do
  psql_ -c "explain (analyze, format text)
    select report_id, tracking_code, step_sequence, status, jurisdiction, agency, due_at, next_signal_at
    from sla_clock where next_signal_at <= now() order by next_signal_at fetch first 500 rows only" \
    | grep -E "Execution Time|Index" | tr '\n' ' '
  echo
done
echo "== the whole batch as the sweep runs it: select, then per clock the guarded update and the signal row"
start=$(date +%s%N)
psql_ -c "
with due as (
  select report_id, step_sequence, next_signal_at, due_at, status from sla_clock
  where next_signal_at <= now() order by next_signal_at fetch first 500 rows only),
moved as (
  update sla_clock c set signal = 'APPROACHING', next_signal_at = due.due_at
  from due where c.report_id = due.report_id and c.step_sequence = due.step_sequence
    and c.next_signal_at = due.next_signal_at
  returning c.report_id, c.step_sequence, c.status, c.due_at)
insert into sla_signal (report_id, step_sequence, kind, status, due_at, signalled_at)
select report_id, step_sequence, 'APPROACHING', status, due_at, now() from moved" >/dev/null
end=$(date +%s%N)
echo "one batch (as one statement, psql round trip included): $(( (end - start) / 1000000 )) ms"
echo "signals given: $(psql_ -c 'select count(*) from sla_signal')"
