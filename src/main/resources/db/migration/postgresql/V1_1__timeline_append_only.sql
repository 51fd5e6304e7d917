create function timeline_entry_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'timeline_entry is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;

create trigger timeline_entry_no_change before update or delete on timeline_entry
  for each row execute function timeline_entry_append_only();

create trigger timeline_entry_no_truncate before truncate on timeline_entry
  for each statement execute function timeline_entry_append_only();
