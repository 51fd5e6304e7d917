create trigger report_note_no_change before update or delete on report_note
  for each row execute function timeline_entry_append_only();
create trigger report_note_no_truncate before truncate on report_note
  for each statement execute function timeline_entry_append_only();
