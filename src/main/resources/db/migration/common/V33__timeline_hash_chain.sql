-- Every timeline entry holds the SHA-256 of the previous entry's hash and its own content
-- (issue 12, item 4): an entry edited or removed around the append-only trigger breaks the
-- chain. V33_1 (Java) chains the entries written before.
alter table timeline_entry add column entry_hash varchar(64);
