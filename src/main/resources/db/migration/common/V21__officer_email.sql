-- Officers are told by e-mail about new items in their inbox and about escalations.
alter table app_user add column email varchar(254);
