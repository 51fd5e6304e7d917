-- Oversight figures month by month per agency (insight module), fed by the report's events:
-- reports forwarded to a jurisdiction, dispositioned to an agency, answered, answered within
-- the resolution standard, closed (by the system), ratings, and steps still overdue at the end
-- of a month. One row per counted event in insight_counted makes a redelivered event change
-- nothing (entry 0 stands for the report's rating).
create table insight_counted (
  report_id    uuid not null,
  entry_number int  not null,
  constraint insight_counted_pk primary key (report_id, entry_number)
);

create table insight_monthly (
  figure_month date        not null, -- the first day of the month, in Jakarta
  jurisdiction varchar(40) not null, -- '' when none
  agency       varchar(40) not null, -- '' when none
  measure      varchar(30) not null,
  n            bigint      not null,
  constraint insight_monthly_pk primary key (figure_month, jurisdiction, agency, measure)
);

-- Public statistics read reports by the day they were filed.
create index report_submitted on report (submitted_at);
