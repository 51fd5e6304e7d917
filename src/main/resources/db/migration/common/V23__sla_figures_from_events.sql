-- The SLA figures are fed by ReportTransitioned events (insight module) instead of a watermark
-- over timeline_entry, which could skip an entry whose transaction committed after a younger
-- one had been rolled up. One row per timeline entry counted makes a redelivered event change
-- nothing.
create table sla_figure_counted (
  report_id    uuid not null,
  entry_number int not null,
  constraint sla_figure_counted_pk primary key (report_id, entry_number)
);

-- What the watermark already rolled up is counted; the application counts the rest once, on
-- its next start, from the timeline (then removes the watermark row).
insert into sla_figure_counted (report_id, entry_number)
select t.report_id, t.entry_number from timeline_entry t
where t.id <= (select last_id from sla_figure_watermark where id = 1);
