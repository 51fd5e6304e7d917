-- 60 days after submission an unfinished report offers its reporter the Ombudsman, once: when
-- that message was queued (the sweep's own bookkeeping, not part of the report's state).
alter table report add column ombudsman_offered_at timestamp with time zone;
create index report_ombudsman_eligible on report (ombudsman_eligible_at);
