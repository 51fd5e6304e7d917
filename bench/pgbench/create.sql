-- What one POST /api/v1/reports writes, in one transaction: the report row, its first timeline
-- entry, the idempotency row. Row contents are copied from rows the service wrote in the same run
-- (bench_template_*), with a new id and a new tracking code: same tables, indexes, triggers, sizes.
\set a random(1, 9223372036854775806)
\set b random(1, 9223372036854775806)
BEGIN;
INSERT INTO report SELECT (lpad(to_hex((:a)::bigint), 16, '0') || lpad(to_hex((:b)::bigint), 16, '0'))::uuid, 0,
  upper(substr(lpad(to_hex((:a)::bigint), 16, '0'), 5, 12)), access_key_hash, type, title, description, occurred_on,
  location_address, location_regency, location_latitude, location_longitude, category, channel, anonymous,
  confidential, reporter_name, reporter_email, reporter_phone, reporter_identity_number, reporter_account_id,
  jurisdiction, agency, status, held_from, now(), step_due_at, now(), rating, sop_version, timeline_length,
  step_warn_at, timeout_at, resolution_due_at, ombudsman_eligible_at, reminder_at, reporter_handle,
  resolution_started_at, resolution_stopped_at, redactions, redacted_title, redacted_description
  FROM bench_template_report;
INSERT INTO timeline_entry (report_id, entry_number, occurred_at, action, from_status, to_status, actor_user_id,
  actor_username, actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency, entry_hash)
  SELECT (lpad(to_hex((:a)::bigint), 16, '0') || lpad(to_hex((:b)::bigint), 16, '0'))::uuid, 1, now(), action, from_status, to_status,
  actor_user_id, actor_username, actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency,
  entry_hash FROM bench_template_submit;
INSERT INTO idempotency_key SELECT 'pgbench-' || (:a)::bigint || '-' || (:b)::bigint, request_hash,
  (lpad(to_hex((:a)::bigint), 16, '0') || lpad(to_hex((:b)::bigint), 16, '0'))::uuid, upper(substr(lpad(to_hex((:a)::bigint), 16, '0'), 5, 12)),
  access_key, status, now() FROM bench_template_idempotency;
INSERT INTO bench_created (id) VALUES ((lpad(to_hex((:a)::bigint), 16, '0') || lpad(to_hex((:b)::bigint), 16, '0'))::uuid);
END;
