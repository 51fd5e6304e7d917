-- Completed event publications move here (spring.modulith.events.completion-mode=archive) and
-- are purged after lapor.events.archive-retention; the live table keeps only what is still
-- to be delivered. Schema v2 of spring-modulith-events-jdbc 2.0.
create table event_publication_archive (
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

-- What completed before the archive existed is history now: it goes to the archive.
insert into event_publication_archive
select * from event_publication where completion_date is not null;
delete from event_publication where completion_date is not null;
