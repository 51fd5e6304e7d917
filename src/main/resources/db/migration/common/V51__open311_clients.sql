-- Open311 GeoReport v2: the client applications the system admin let file reports, each with
-- its key (kept only as its SHA-256), its own limit per minute, and who issued and revoked it.
create table open311_client (
  id               uuid primary key,
  name             varchar(200) not null,
  contact          varchar(254),
  key_hash         varchar(64) not null,
  key_hint         varchar(12) not null,
  rate_per_minute  int not null,
  created_at       timestamp with time zone not null,
  created_by       varchar(100) not null,
  revoked_at       timestamp with time zone,
  revoked_by       varchar(100),
  last_used_at     timestamp with time zone,
  constraint open311_client_key unique (key_hash),
  constraint open311_client_rate check (rate_per_minute between 1 and 10000)
);

-- Which client filed which report.
create table open311_request (
  tracking_code  varchar(12) primary key,
  client_id      uuid not null references open311_client (id),
  filed_at       timestamp with time zone not null
);
create index open311_request_client on open311_request (client_id);

-- The public list of Open311: a jurisdiction's reports by filing time.
create index report_public_list on report (jurisdiction, submitted_at);
