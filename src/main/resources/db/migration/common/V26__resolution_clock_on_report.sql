-- The report owns every deadline it carries (docs/adr/0008): to recompute the
-- resolution deadline when the calendar changes it needs when that clock started (the first
-- disposition) and whether it stopped (the first answer).
alter table report add column resolution_started_at timestamp with time zone;
alter table report add column resolution_stopped_at timestamp with time zone;

update report set resolution_started_at = (
  select min(t.occurred_at) from timeline_entry t where t.report_id = report.id and t.action = 'dispose')
where resolution_due_at is not null;
update report set resolution_stopped_at = (
  select min(t.occurred_at) from timeline_entry t where t.report_id = report.id and t.action = 'answer')
where resolution_due_at is not null;
