-- Test-only master data (profile test): more jurisdictions and an agency, to test scope.
-- Repeatable, after every versioned migration, so it never stands in the way of a new one.
insert into jurisdiction (code, name) values ('TESTPROV', 'Provinsi Uji') on conflict do nothing;
insert into jurisdiction (code, name) values ('STATPROV', 'Provinsi Statistik') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('TESTDINAS', 'Dinas Uji', 'Uji', 'TESTPROV')
  on conflict do nothing;
