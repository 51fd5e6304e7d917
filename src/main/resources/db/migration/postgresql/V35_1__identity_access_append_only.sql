create trigger identity_access_no_change before update or delete on identity_access
  for each row execute function timeline_entry_append_only();
create trigger identity_access_no_truncate before truncate on identity_access
  for each statement execute function timeline_entry_append_only();
