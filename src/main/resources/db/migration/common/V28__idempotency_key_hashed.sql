-- The idempotency store keeps the client's key only as a hash and the access key of the first
-- answer encrypted with a key only the client's Idempotency-Key yields (issue 11, item 5): the
-- table alone never gives a report's access key away.
alter table idempotency_key alter column access_key set data type varchar(200);
