-- Disabling an account or resetting its password bumps this number: API tokens carry the
-- number they were issued with and are refused once it changed (issue 11, item 3).
alter table app_user add column credentials_version int not null default 0;
