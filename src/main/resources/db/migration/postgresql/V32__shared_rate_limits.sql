-- The token buckets of the limits every instance shares (Bucket4j's PostgreSQL backend, issue
-- 11 item 8): sign-in failures per username and per address, registrations per address, messages
-- per channel sender. A row lives as long as its bucket needs to refill; a recurring task deletes
-- the expired ones. On the embedded H2 default (one instance) these limits are kept in memory.
create table rate_limit_bucket (
  id          varchar(400) primary key,
  state       bytea,
  expires_at  bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
