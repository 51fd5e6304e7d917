-- Photos and PDFs a reporter sends with a report, or an officer with an answer. Stored in the
-- database so that every instance sees them and a report and its files commit together. Images
-- are re-encoded before they get here: no EXIF (no GPS position, no camera serial).
create table attachment (
  id            uuid primary key,
  report_id     uuid not null references report (id),
  entry_number  integer,            -- the timeline entry it came with; null: with the report itself
  file_name     varchar(200) not null,
  content_type  varchar(100) not null,
  size_bytes    integer not null,
  content       bytea not null,
  uploaded_at   timestamp with time zone not null
);
create index attachment_report on attachment (report_id);
