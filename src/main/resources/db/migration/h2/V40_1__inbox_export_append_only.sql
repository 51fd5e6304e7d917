create trigger inbox_export_no_change before update, delete on inbox_export for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
