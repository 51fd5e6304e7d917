-- Test-only master data (profile test): more jurisdictions and an agency, to test scope.
insert into jurisdiction (code, name) values ('TESTPROV', 'Provinsi Uji');
insert into jurisdiction (code, name) values ('STATPROV', 'Provinsi Statistik');
insert into agency (code, name, abbreviation, jurisdiction) values ('TESTDINAS', 'Dinas Uji', 'Uji', 'TESTPROV');
