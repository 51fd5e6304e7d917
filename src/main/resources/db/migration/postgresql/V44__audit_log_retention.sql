-- The access log and the export records stay append-only, except for the retention task: in a
-- transaction that set lapor.purge_before, a row older than that instant may be deleted. No
-- update, no truncate, and no delete of a younger row, ever.
create function append_only_until_expired() returns trigger language plpgsql as $$
declare
  purge_before timestamptz := nullif(current_setting('lapor.purge_before', true), '')::timestamptz;
begin
  if tg_op = 'DELETE' and purge_before is not null
     and (to_jsonb(old) ->> tg_argv[0])::timestamptz < purge_before then
    return old;
  end if;
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
end
$$;

drop trigger identity_access_no_change on identity_access;
create trigger identity_access_no_change before update or delete on identity_access
  for each row execute function append_only_until_expired('accessed_at');

drop trigger inbox_export_no_change on inbox_export;
create trigger inbox_export_no_change before update or delete on inbox_export
  for each row execute function append_only_until_expired('exported_at');
