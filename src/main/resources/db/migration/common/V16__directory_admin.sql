-- The system admin keeps the directory: a category can be retired (kept for the reports that
-- carry it, no longer offered for new ones), and every change to an agency or a category is
-- recorded with who, when and what it became.
alter table category add column active boolean default true not null;

create table directory_change (
  id          uuid primary key,
  entity      varchar(20) not null,  -- AGENCY, CATEGORY
  code        varchar(60) not null,
  change_kind varchar(20) not null,  -- ADDED, CHANGED
  after_value varchar(2000) not null,
  changed_by  varchar(100) not null,
  changed_at  timestamp with time zone not null
);
create index directory_change_entity on directory_change (entity, code, changed_at);
