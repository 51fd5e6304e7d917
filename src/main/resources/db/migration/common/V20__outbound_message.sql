-- Messages to reporters on their channel (WhatsApp, Telegram, Instagram, X, SMS), written in the
-- transaction that caused them and sent after commit, with retries and backoff; a provider
-- outage delays them, never loses them. The text (a receipt carries the access key) is cleared
-- once sent; the provider's id and delivery status stay.
create table outbound_message (
  id                  uuid primary key,
  channel             varchar(20) not null,
  recipient           varchar(200) not null,
  body                varchar(4000),
  report_code         varchar(20),
  reply_to            varchar(300),
  status              varchar(20) not null, -- PENDING, SENT, FAILED (gave up)
  attempts            integer default 0 not null,
  next_attempt_at     timestamp with time zone not null,
  created_at          timestamp with time zone not null,
  sent_at             timestamp with time zone,
  provider_message_id varchar(300),
  delivery_status     varchar(20),          -- as the provider reports it: delivered, read, failed
  delivery_at         timestamp with time zone,
  last_error          varchar(500)
);
create index outbound_message_due on outbound_message (status, next_attempt_at);
create index outbound_message_provider on outbound_message (channel, provider_message_id);
