-- Each new timeline entry records how long the step it ends took in working time, and where the
-- report stood (jurisdiction, agency), so that SLA figures are plain SQL over the timeline.
-- Entries written before this migration keep nulls: history is never rewritten.
alter table timeline_entry add column working_seconds bigint;
alter table timeline_entry add column jurisdiction varchar(40);
alter table timeline_entry add column agency varchar(40);
create index timeline_entry_figures on timeline_entry (occurred_at, decree_step);
