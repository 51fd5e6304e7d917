package id.go.jambiprov.lapor.sop.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.OfficeHours;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deadlines on the calendar held in the database (office hours, Ramadan periods, days off).
 * Each instance reloads it after a change it made, and otherwise when its copy is older than the
 * refresh interval, so a change made through another instance shows within that interval.
 */
@Component
class CalendarDeadlines implements Deadlines {

	private record Loaded(WorkingCalendar calendar, Instant at) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration refresh;

	private volatile Loaded loaded;

	CalendarDeadlines(JdbcClient jdbc, Clock clock,
			@Value("${lapor.calendar.refresh-interval:PT1M}") Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refresh = refresh;
		reload();
	}

	final void reload() {
		var daysOff = new HashSet<>(this.jdbc.sql("select holiday_date from holiday").query(LocalDate.class).list());
		List<WorkingCalendar.Period> ramadan = this.jdbc
			.sql("select first_day, last_day from ramadan_period order by first_day")
			.query((rs, n) -> new WorkingCalendar.Period(rs.getObject("first_day", LocalDate.class),
					rs.getObject("last_day", LocalDate.class)))
			.list();
		WorkingCalendar calendar = new WorkingCalendar(hours("NORMAL"), hours("RAMADAN"), ramadan, daysOff,
				WorkingCalendar.JAKARTA);
		this.loaded = new Loaded(calendar, this.clock.instant());
	}

	private OfficeHours hours(String variant) {
		Map<DayOfWeek, List<OfficeHours.Interval>> days = new EnumMap<>(DayOfWeek.class);
		this.jdbc.sql("""
				select day_of_week, start_time, end_time from office_hours where variant = ?
				order by day_of_week, start_time""")
			.param(variant)
			.query(rs -> {
				days.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), d -> new ArrayList<>())
					.add(new OfficeHours.Interval(rs.getObject("start_time", LocalTime.class),
							rs.getObject("end_time", LocalTime.class)));
			});
		return days.isEmpty() && "RAMADAN".equals(variant) ? hours("NORMAL") : new OfficeHours(days);
	}

	@Override
	public Instant dueAt(Instant start, TimeStandard standard) {
		return calendar().dueAt(start, standard);
	}

	@Override
	public WorkingCalendar calendar() {
		Loaded current = this.loaded;
		Instant now = this.clock.instant();
		if (now.isAfter(current.at().plus(this.refresh)) || now.isBefore(current.at())) {
			reload();
			current = this.loaded;
		}
		return current.calendar();
	}

}
