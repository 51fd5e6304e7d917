-- The sla module's clocks: one row per report with the step that runs now, fed by the report's
-- transitions; the sweep looks only at rows whose next signal is due.
create table sla_clock (
  report_id       uuid primary key,
  tracking_code   varchar(12) not null,
  step_sequence   int not null,         -- the timeline entry that started the step
  status          varchar(20) not null,
  jurisdiction    varchar(40),
  agency          varchar(40),
  started_at      timestamp with time zone not null,
  standard_amount int,
  standard_unit   varchar(20),
  warn_at         timestamp with time zone,
  due_at          timestamp with time zone,
  next_signal_at  timestamp with time zone,
  signal          varchar(12) not null  -- NONE, APPROACHING, BREACHED
);
create index sla_clock_next_signal on sla_clock (next_signal_at);

-- Every signal given, once per step and kind: the primary key keeps it so.
create table sla_signal (
  report_id     uuid not null,
  step_sequence int not null,
  kind          varchar(12) not null,
  status        varchar(20) not null,
  due_at        timestamp with time zone not null,
  signalled_at  timestamp with time zone not null,
  constraint sla_signal_pk primary key (report_id, step_sequence, kind)
);
