-- The monthly roll-up counts the timeline written before it existed once, on the next start
-- (MonthlyRollup.backfillOnce sets done_at).
create table insight_backfill (
  id      int primary key,
  done_at timestamp with time zone
);
insert into insight_backfill (id, done_at) values (1, null);

-- Population per regency/city for the public statistics (reports per 10,000 inhabitants):
-- Sensus Penduduk 2020 (BPS, September 2020). Kota Jambi, Muaro Jambi, Bungo, Merangin and Sungai
-- Penuh as BPS Provinsi Jambi announced them on 21 January 2021; the eleven add up to the province's
-- published 3,548,228. An operator updates them with the yearly BPS estimate.
alter table regency add column population int;
-- Where the regency stands on the schematic tile map (row, column), roughly as they lie:
-- the north-east coast on top, Kerinci and Sungai Penuh in the west, Sarolangun in the south.
alter table regency add column tile_row int;
alter table regency add column tile_column int;
update regency set population = 606200, tile_row = 1, tile_column = 4 where name = 'Kota Jambi';
update regency set population = 96610, tile_row = 2, tile_column = 0 where name = 'Kota Sungai Penuh';
update regency set population = 301700, tile_row = 1, tile_column = 2 where name = 'Kabupaten Batanghari';
update regency set population = 362363, tile_row = 0, tile_column = 1 where name = 'Kabupaten Bungo';
update regency set population = 250259, tile_row = 1, tile_column = 0 where name = 'Kabupaten Kerinci';
update regency set population = 354052, tile_row = 1, tile_column = 1 where name = 'Kabupaten Merangin';
update regency set population = 402017, tile_row = 1, tile_column = 3 where name = 'Kabupaten Muaro Jambi';
update regency set population = 290047, tile_row = 2, tile_column = 2 where name = 'Kabupaten Sarolangun';
update regency set population = 317498, tile_row = 0, tile_column = 3 where name = 'Kabupaten Tanjung Jabung Barat';
update regency set population = 229813, tile_row = 0, tile_column = 4 where name = 'Kabupaten Tanjung Jabung Timur';
update regency set population = 337669, tile_row = 0, tile_column = 2 where name = 'Kabupaten Tebo';
