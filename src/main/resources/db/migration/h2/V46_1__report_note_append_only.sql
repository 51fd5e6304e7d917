create trigger report_note_no_change before update, delete on report_note for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
