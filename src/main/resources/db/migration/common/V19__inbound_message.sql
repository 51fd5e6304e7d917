-- Every message a channel delivers, stored before the webhook answers (or the poller moves on),
-- then turned into a report or a reply by a worker. Once per provider message id: a redelivery
-- changes nothing. Nothing is deleted; a message that cannot be handled stays, with its reason.
create table inbound_message (
  id                  uuid primary key,
  channel             varchar(20) not null,
  provider_message_id varchar(200) not null,
  sender              varchar(200) not null,
  sender_name         varchar(200),
  kind                varchar(20) not null,  -- TEXT, IMAGE, DOCUMENT, LOCATION, COMMENT, MENTION, OTHER
  body                varchar(20000),
  media_ref           varchar(1000),         -- the provider's media id or address, fetched by the worker
  media_type          varchar(100),
  media_name          varchar(200),
  latitude            double precision,
  longitude           double precision,
  context_ref         varchar(300),          -- the message this one answers (WhatsApp context, In-Reply-To)
  provider_sent_at    timestamp with time zone,
  received_at         timestamp with time zone not null,
  status              varchar(20) not null,  -- PENDING, DONE, IGNORED, FAILED
  attempts            integer default 0 not null,
  next_attempt_at     timestamp with time zone not null,
  processed_at        timestamp with time zone,
  outcome             varchar(40),
  report_code         varchar(20),
  last_error          varchar(500),
  constraint inbound_message_once unique (channel, provider_message_id)
);
create index inbound_message_due on inbound_message (status, next_attempt_at);
create index inbound_message_sender on inbound_message (channel, sender, received_at);

-- Bytes that arrive with the message itself (e-mail attachments), kept until the report has them.
create table inbound_media (
  id           uuid primary key,
  message_id   uuid not null references inbound_message (id),
  file_name    varchar(200) not null,
  content_type varchar(100),
  content      bytea not null
);
create index inbound_media_message on inbound_media (message_id);

-- One row per sender and channel: serialises the worker per sender (row lock) and remembers the
-- conversation (which report the last message went to, and when).
create table channel_sender (
  channel         varchar(20) not null,
  sender          varchar(200) not null,
  last_report     varchar(20),
  last_message_at timestamp with time zone,
  constraint channel_sender_pk primary key (channel, sender)
);
