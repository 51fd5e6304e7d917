-- When the system takes the timed action of the current status by itself (auto-close 10 working
-- days after the answer; archiving 10 working days after a hold without the reporter's data).
alter table report add column timeout_at timestamp with time zone;
create index report_timeout on report (timeout_at);

-- The resolution clock (answer within 5 working days of the first disposition) and the 60 days
-- after which the Ombudsman may take the case over.
alter table report add column resolution_due_at timestamp with time zone;
alter table report add column ombudsman_eligible_at timestamp with time zone;
