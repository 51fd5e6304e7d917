-- The access log and the export records stay append-only, except for the retention task (see the
-- PostgreSQL migration; on H2 the task's session variable opens deletes, the task's query picks
-- the expired rows).
drop trigger identity_access_no_change;
create trigger identity_access_no_change before update, delete on identity_access for each row
  call 'id.go.jambiprov.lapor.AppendOnlyUntilExpiredH2Trigger';
drop trigger inbox_export_no_change;
create trigger inbox_export_no_change before update, delete on inbox_export for each row
  call 'id.go.jambiprov.lapor.AppendOnlyUntilExpiredH2Trigger';
