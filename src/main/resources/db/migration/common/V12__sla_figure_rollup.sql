-- Daily roll-up of the timeline for the SLA figures: per day (Jakarta), jurisdiction, agency,
-- waiting status and duration bucket, how many steps ended and how many met their deadline.
-- Buckets are log-scale (ratio 1.1), so percentiles read from them are within 5 per cent.
create table sla_figure_daily (
  figure_day   date not null,
  jurisdiction varchar(40) not null, -- '' when none yet
  agency       varchar(40) not null, -- '' when none
  from_status  varchar(20) not null,
  bucket       int not null,
  entries      bigint not null,
  met          bigint not null,
  constraint sla_figure_daily_pk primary key (figure_day, jurisdiction, agency, from_status, bucket)
);

-- The last timeline entry rolled up.
create table sla_figure_watermark (
  id      int primary key,
  last_id bigint not null
);
insert into sla_figure_watermark (id, last_id) values (1, 0);
