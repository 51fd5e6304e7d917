create trigger user_change_no_change before update, delete on user_change for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
