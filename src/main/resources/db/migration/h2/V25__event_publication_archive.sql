-- Completed event publications move here (spring.modulith.events.completion-mode=archive) and
-- are purged after lapor.events.archive-retention. Schema v2 of spring-modulith-events-jdbc 2.0.
create table event_publication_archive (
  id                     uuid not null,
  completion_date        timestamp(9) with time zone,
  event_type             varchar(512) not null,
  listener_id            varchar(512) not null,
  publication_date       timestamp(9) with time zone not null,
  serialized_event       varchar(4000) not null,
  status                 varchar(20),
  completion_attempts    int,
  last_resubmission_date timestamp(9) with time zone,
  primary key (id)
);
create index event_publication_archive_by_listener_id_and_serialized_event_idx on event_publication_archive (listener_id, serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

insert into event_publication_archive (id, completion_date, event_type, listener_id, publication_date, serialized_event,
  status, completion_attempts, last_resubmission_date)
select id, completion_date, event_type, listener_id, publication_date, serialized_event, status, completion_attempts,
  last_resubmission_date from event_publication where completion_date is not null;
delete from event_publication where completion_date is not null;
