create trigger report_redaction_no_change before update or delete on report_redaction
  for each row execute function timeline_entry_append_only();
