-- A duplicate report is linked to the main report that answers it (status LINKED): the main's
-- answer reaches every linked reporter, and closing the main closes them.
alter table report add column linked_to uuid references report (id);
create index report_linked_to on report (linked_to);
