-- The second factor (issue 12, item 2): a TOTP secret per account, sealed (AES-GCM, the service's
-- secret), the last time step used (a code works once), and ten one-time recovery codes, hashed.
create table second_factor (
  user_id      uuid primary key references app_user (id),
  secret       varchar(200) not null,
  enrolled_at  timestamp with time zone not null,
  last_step    bigint not null default 0
);

create table recovery_code (
  user_id    uuid not null references app_user (id),
  code_hash  varchar(64) not null,
  used_at    timestamp with time zone,
  primary key (user_id, code_hash)
);
