-- A mail may carry one file (the monthly performance report's PDF); cleared once sent.
alter table outbound_mail add column attachment_name varchar(200);
alter table outbound_mail add column attachment_type varchar(100);
alter table outbound_mail add column attachment bytea;

-- Each month's performance report is mailed once per jurisdiction, whatever instance runs the task.
create table performance_mailing (
  figure_month date        not null,
  jurisdiction varchar(40) not null,
  mailed_at    timestamp with time zone not null,
  recipients   int not null,
  constraint performance_mailing_pk primary key (figure_month, jurisdiction)
);
