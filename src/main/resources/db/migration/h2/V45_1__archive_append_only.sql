create trigger archive_package_no_change before update, delete on archive_package for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
create trigger archive_package_report_no_change before update, delete on archive_package_report for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
create trigger reporter_erasure_no_change before update, delete on reporter_erasure for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
