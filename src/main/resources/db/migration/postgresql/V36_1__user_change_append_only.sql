create trigger user_change_no_change before update or delete on user_change
  for each row execute function timeline_entry_append_only();
create trigger user_change_no_truncate before truncate on user_change
  for each statement execute function timeline_entry_append_only();
