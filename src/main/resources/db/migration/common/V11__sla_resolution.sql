-- The resolution clock of each dispositioned report: the answer is due 5 working days after the
-- first disposition; a breach is escalated to the jurisdiction's supervisor.
create table sla_resolution (
  report_id     uuid primary key,
  tracking_code varchar(12) not null,
  jurisdiction  varchar(40),
  agency        varchar(40),
  due_at        timestamp with time zone not null,
  answered_at   timestamp with time zone,
  breached_at   timestamp with time zone
);
create index sla_resolution_due on sla_resolution (due_at);
