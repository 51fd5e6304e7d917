-- Test-only master data (profile test): more jurisdictions and an agency, to test scope.
-- Repeatable, after every versioned migration, so it never stands in the way of a new one.
insert into jurisdiction (code, name) values ('TESTPROV', 'Provinsi Uji') on conflict do nothing;
insert into jurisdiction (code, name) values ('STATPROV', 'Provinsi Statistik') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('TESTDINAS', 'Dinas Uji', 'Uji', 'TESTPROV')
  on conflict do nothing;
-- a jurisdiction of its own for the oversight figures (a hand-built history in August 2026)
insert into jurisdiction (code, name) values ('KINERJAPROV', 'Provinsi Kinerja') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('KINERJA_A', 'Dinas Kinerja Satu', 'Kinerja Satu',
  'KINERJAPROV') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('KINERJA_B', 'Dinas Kinerja Dua', 'Kinerja Dua',
  'KINERJAPROV') on conflict do nothing;
-- a jurisdiction of its own for the inbox exports
insert into jurisdiction (code, name) values ('EKSPORPROV', 'Provinsi Ekspor') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('EKSPOR_DINAS', 'Dinas Ekspor', 'Ekspor',
  'EKSPORPROV') on conflict do nothing;
-- a jurisdiction of its own for the monthly mailing
insert into jurisdiction (code, name) values ('SURATPROV', 'Provinsi Surat') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('SURAT_DINAS', 'Dinas Surat', 'Surat',
  'SURATPROV') on conflict do nothing;
