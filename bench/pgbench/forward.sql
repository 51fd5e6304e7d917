-- What one POST /api/v1/reports/{code}/actions/forward writes, in one transaction: the report
-- updated under its version check, and the forward entry of its timeline (contents copied from a
-- forward the service wrote in the same run). Each transaction picks a report pgbench created;
-- a report picked twice updates nothing the second time (its version moved on), as a conflict would.
\set n random(1, :created)
BEGIN;
UPDATE report SET version = version + 1, status = 'FORWARDED', jurisdiction = 'JAMBI', status_since = now(),
  step_due_at = now() + interval '1 day', step_warn_at = now() + interval '20 hours',
  timeline_length = timeline_length + 1
  WHERE id = (SELECT id FROM bench_created WHERE n = (:n)::bigint) AND version = 0;
INSERT INTO timeline_entry (report_id, entry_number, occurred_at, action, from_status, to_status, actor_user_id,
  actor_username, actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency, entry_hash)
  SELECT (SELECT id FROM bench_created WHERE n = (:n)::bigint), 2, now(), action, from_status, to_status, actor_user_id,
  actor_username, actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency, entry_hash
  FROM bench_template_forward
  ON CONFLICT (report_id, entry_number) DO NOTHING;
END;
