create trigger archive_package_no_change before update or delete on archive_package
  for each row execute function timeline_entry_append_only();
create trigger archive_package_no_truncate before truncate on archive_package
  for each statement execute function timeline_entry_append_only();
create trigger archive_package_report_no_change before update or delete on archive_package_report
  for each row execute function timeline_entry_append_only();
create trigger reporter_erasure_no_change before update or delete on reporter_erasure
  for each row execute function timeline_entry_append_only();
create trigger reporter_erasure_no_truncate before truncate on reporter_erasure
  for each statement execute function timeline_entry_append_only();
