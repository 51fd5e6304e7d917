create trigger timeline_entry_no_change before update, delete on timeline_entry for each row
  call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger';
