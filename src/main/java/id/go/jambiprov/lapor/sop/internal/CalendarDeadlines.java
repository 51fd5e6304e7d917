package id.go.jambiprov.lapor.sop.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;

import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.OfficeHours;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deadlines on the Perpres 21/2023 office hours and the holidays and cuti bersama in the
 * {@code holiday} table, read once at start-up.
 */
@Component
class CalendarDeadlines implements Deadlines {

	private final JdbcClient jdbc;

	private volatile WorkingCalendar calendar;

	CalendarDeadlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
		reload();
	}

	final void reload() {
		var daysOff = new HashSet<>(this.jdbc.sql("select holiday_date from holiday").query(LocalDate.class).list());
		this.calendar = new WorkingCalendar(OfficeHours.perpres21of2023(), daysOff, WorkingCalendar.JAKARTA);
	}

	@Override
	public Instant dueAt(Instant start, TimeStandard standard) {
		return this.calendar.dueAt(start, standard);
	}

	@Override
	public WorkingCalendar calendar() {
		return this.calendar;
	}

}
