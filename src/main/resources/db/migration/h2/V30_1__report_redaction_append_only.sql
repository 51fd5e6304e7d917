create trigger report_redaction_no_change before update, delete on report_redaction for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
