-- When the reporter of a held report is reminded that the missing data is still awaited
-- (halfway to the archiving deadline); cleared once the reminder is given.
alter table report add column reminder_at timestamp with time zone;
create index report_reminder on report (reminder_at);
