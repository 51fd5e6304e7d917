-- Reports from messaging channels: the sender's handle on that channel (WhatsApp number,
-- Telegram chat, Instagram or X account, e-mail address) is the reporter's contact, and finds
-- the sender's own reports when they write again.
alter table report add column reporter_handle varchar(200);
create index report_channel_handle on report (channel, reporter_handle, submitted_at);
