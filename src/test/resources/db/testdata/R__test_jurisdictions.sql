-- Test-only master data (profile test): more jurisdictions and an agency, to test scope.
-- Repeatable, after every versioned migration, so it never stands in the way of a new one.
insert into jurisdiction (code, name) values ('TESTPROV', 'Provinsi Uji') on conflict do nothing;
insert into jurisdiction (code, name) values ('STATPROV', 'Provinsi Statistik') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('TESTDINAS', 'Dinas Uji', 'Uji', 'TESTPROV')
  on conflict do nothing;
-- a jurisdiction of its own for the oversight figures (a hand-built history in August 2026)
insert into jurisdiction (code, name) values ('UJIKINERJA', 'Provinsi Uji Kinerja') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('KINERJA_A', 'Dinas Kinerja Satu', 'Kinerja Satu',
  'UJIKINERJA') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('KINERJA_B', 'Dinas Kinerja Dua', 'Kinerja Dua',
  'UJIKINERJA') on conflict do nothing;
-- a jurisdiction of its own for the inbox exports
insert into jurisdiction (code, name) values ('UJIEKSPOR', 'Provinsi Uji Ekspor') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('EKSPOR_DINAS', 'Dinas Ekspor', 'Ekspor',
  'UJIEKSPOR') on conflict do nothing;
-- a jurisdiction of its own for the monthly mailing
insert into jurisdiction (code, name) values ('UJISURAT', 'Provinsi Uji Surat') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('SURAT_DINAS', 'Dinas Surat', 'Surat',
  'UJISURAT') on conflict do nothing;
-- a jurisdiction of its own for the provincial archive packages
insert into jurisdiction (code, name) values ('UJIARSIP', 'Provinsi Uji Arsip') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('ARSIP_DINAS', 'Dinas Arsip', 'Arsip',
  'UJIARSIP') on conflict do nothing;
-- a jurisdiction of its own for the officers' desk: an agency that ended on 31 October 2026 and its successor
insert into jurisdiction (code, name) values ('UJIMEJA', 'Provinsi Uji Meja') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('MEJA_BARU', 'Dinas Meja Baru', 'Meja Baru',
  'UJIMEJA') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction, valid_until, successor) values ('MEJA_LAMA',
  'Dinas Meja Lama', 'Meja Lama', 'UJIMEJA', date '2026-10-31', 'MEJA_BARU') on conflict do nothing;
insert into agency (code, name, abbreviation, jurisdiction) values ('MEJA_LAIN', 'Dinas Meja Lain', 'Meja Lain',
  'UJIMEJA') on conflict do nothing;
