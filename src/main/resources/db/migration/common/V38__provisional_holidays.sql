-- A day off computed for a year whose official list is not out yet (issue 16, item 2): marked
-- provisional until the system admin confirms, moves or removes it.
alter table holiday add column provisional boolean default false not null;
