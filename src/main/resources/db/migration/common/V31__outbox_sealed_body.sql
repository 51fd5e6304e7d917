-- A waiting channel message's text is stored sealed (AES-GCM, base64; issue 11, item 5): room
-- for the longest text a provider takes once sealed.
alter table outbound_message alter column body set data type varchar(8000);
