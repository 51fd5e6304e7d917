-- Sensitive reports (illegal levies, corruption, whistleblowing): a directory flag on the category,
-- the agency of each jurisdiction that takes them (its inspectorate), and the agency a report
-- accuses, as its reporter named it. Such reports are confidential by force and are never
-- dispositioned to the agency they accuse.
alter table category add column sensitive boolean default false not null;
alter table jurisdiction add column inspectorate varchar(40) references agency (code);
alter table report add column accused_agency varchar(40) references agency (code);

update jurisdiction set inspectorate = 'INSPEKTORAT' where code = 'JAMBI';
update category set sensitive = true where code = 'PUNGLI';
insert into category (code, name, name_en, parent, sensitive)
  values ('KORUPSI', 'Korupsi, kolusi dan nepotisme', 'Corruption, collusion and nepotism', 'PELAYANAN_PUBLIK', true);
insert into category (code, name, name_en, parent, sensitive)
  values ('PELANGGARAN_ASN', 'Pengaduan pelanggaran oleh aparatur (whistleblowing)', 'Whistleblowing on officials', 'PELAYANAN_PUBLIK', true);
