create function append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
end
$$;

create trigger holiday_change_no_change before update or delete on holiday_change
  for each row execute function append_only();

create trigger holiday_change_no_truncate before truncate on holiday_change
  for each statement execute function append_only();
