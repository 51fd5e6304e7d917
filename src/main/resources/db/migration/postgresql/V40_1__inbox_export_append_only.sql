create trigger inbox_export_no_change before update or delete on inbox_export
  for each row execute function timeline_entry_append_only();
create trigger inbox_export_no_truncate before truncate on inbox_export
  for each statement execute function timeline_entry_append_only();
