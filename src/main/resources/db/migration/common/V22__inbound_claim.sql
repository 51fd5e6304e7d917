-- The worker claims a whole batch of due messages in one statement and finds its own by this token.
alter table inbound_message add column claim uuid;
create index inbound_message_claim on inbound_message (claim);
