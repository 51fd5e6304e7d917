-- The outbox of calls to the national SP4N-LAPOR! (a work queue, see WorkQueue): written after
-- the report's own transaction by the bridge's listeners, sent by its worker, tried again with
-- backoff while the national system is down. One row per report filed there (sequence 0) and per
-- step of a bridged report (its timeline entry): a redelivered event queues nothing twice.
create table national_call (
  id                      uuid primary key,
  kind                    varchar(10) not null,   -- REPORT, STATUS
  report_id               uuid not null,
  tracking_code           varchar(12) not null,
  sequence                int not null,
  payload                 varchar(20000),         -- a STATUS call's status, text and time, sealed
  status                  varchar(20) not null,   -- PENDING, DONE, FAILED (given up)
  attempts                int default 0 not null,
  next_attempt_at         timestamp with time zone not null,
  claim                   uuid,
  last_error              varchar(500),
  created_at              timestamp with time zone not null,
  done_at                 timestamp with time zone,
  national_tracking_id    varchar(40),
  national_transaction_id varchar(80),
  constraint national_call_once unique (kind, tracking_code, sequence)
);
create index national_call_due on national_call (status, next_attempt_at);
create index national_call_report on national_call (report_id);

-- Where each pull from the national system stopped: its own cursor, opaque to us.
create table national_cursor (
  name        varchar(40) primary key,
  position    varchar(200) not null,
  updated_at  timestamp with time zone not null
);

-- The replies reporters wrote on the national system that were taken in: each exactly once.
create table national_reply (
  id           varchar(80) primary key,
  taken_at     timestamp with time zone not null
);
