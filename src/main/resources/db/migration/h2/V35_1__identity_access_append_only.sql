create trigger identity_access_no_change before update, delete on identity_access for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
