create trigger holiday_change_no_change before update, delete on holiday_change for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
