-- E-mail waiting to go out, written in the same transaction as what caused it and sent after
-- commit, with retries and backoff; a mail server outage delays mail, never loses it. The body
-- is cleared once sent (a receipt carries the report's access key).
create table outbound_mail (
  id              uuid primary key,
  recipient       varchar(254) not null,
  subject         varchar(300) not null,
  body            text,
  status          varchar(20) not null, -- PENDING, SENT, FAILED (gave up)
  attempts        integer not null default 0,
  next_attempt_at timestamp with time zone not null,
  created_at      timestamp with time zone not null,
  sent_at         timestamp with time zone,
  last_error      varchar(500)
);
create index outbound_mail_due on outbound_mail (status, next_attempt_at);
