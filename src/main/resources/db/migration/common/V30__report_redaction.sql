-- The coordinator's redaction of a report's texts (issue 11, item 4): the phrases to hide from
-- the agency (one per line), and the title and chronology as the agency reads and searches
-- them. The originals stay in title and description, shown only to the roles that may see the
-- reporter. Every change of the phrases is logged in report_redaction, which only grows.
alter table report add column redactions varchar(6000);
alter table report add column redacted_title varchar(1000);
alter table report add column redacted_description varchar(40000);

create table report_redaction (
  report_id       uuid         not null references report (id),
  entry_number    integer      not null,
  redacted_at     timestamp with time zone not null,
  actor_user_id   uuid,
  actor_username  varchar(100) not null,
  actor_role      varchar(30)  not null,
  phrase_count    integer      not null,
  primary key (report_id, entry_number)
);
