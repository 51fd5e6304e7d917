-- The report's tracking id at the national SP4N-LAPOR!: given by it for a report it forwarded to
-- us, or recorded when the bridge pushed one of ours there. One report per national id.
alter table report add column national_tracking_id varchar(40);
create unique index report_national_tracking_id on report (national_tracking_id);
