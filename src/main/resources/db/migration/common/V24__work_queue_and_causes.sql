-- One work-queue mechanism (shared.WorkQueue): the outboxes claim their rows with a token, as
-- the inbound messages already do.
alter table outbound_message add column claim uuid;
alter table outbound_mail add column claim uuid;
create index outbound_message_claim on outbound_message (claim);
create index outbound_mail_claim on outbound_mail (claim);

-- Every side effect of an event is keyed by its cause (the event, or report + timeline entry +
-- recipient): a redelivered event (the publication registry delivers at least once) finds its
-- row and sends nothing twice. Rows queued by a person's own request (a receipt e-mail asked
-- for on a page) have no cause.
alter table outbound_message add column cause varchar(200);
alter table outbound_mail add column cause varchar(200);
alter table notification add column cause varchar(200);
create unique index outbound_message_cause on outbound_message (cause, channel, recipient);
create unique index outbound_mail_cause on outbound_mail (cause, recipient);
create unique index notification_cause on notification (cause, user_id);
