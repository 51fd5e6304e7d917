-- The SLA roll-up by month beside the one by day: the dashboard and the monthly performance
-- report read a month in a few thousand rows instead of the month's daily cells (about 70,000
-- over a million reports). Filled from the daily cells once here, then by the same listener.
create table sla_figure_monthly (
  figure_month date        not null, -- the first day of the month, in Jakarta
  jurisdiction varchar(40) not null,
  agency       varchar(40) not null,
  from_status  varchar(20) not null,
  bucket       int         not null,
  entries      bigint      not null,
  met          bigint      not null,
  constraint sla_figure_monthly_pk primary key (figure_month, jurisdiction, agency, from_status, bucket)
);
insert into sla_figure_monthly (figure_month, jurisdiction, agency, from_status, bucket, entries, met)
select cast(date_trunc('month', figure_day) as date), jurisdiction, agency, from_status, bucket, sum(entries), sum(met)
from sla_figure_daily
group by cast(date_trunc('month', figure_day) as date), jurisdiction, agency, from_status, bucket;
