-- Files are stored under a neutral name (lampiran-1.jpg): the name a reporter's phone or
-- scanner gave (KTP_Budi_Santoso_0812….pdf) is kept apart and shown only to those who may see
-- the reporter (issue 11, item 4).
alter table attachment add column original_name varchar(200);
update attachment set original_name = file_name;
