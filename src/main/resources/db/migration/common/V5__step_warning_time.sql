-- When 75% of the running step's standard is used up (in working time): from then on the clock
-- shows APPROACHING, and the SLA sweep announces it.
alter table report add column step_warn_at timestamp with time zone;
create index report_step_warn on report (step_warn_at);
create index report_step_due on report (step_due_at);
