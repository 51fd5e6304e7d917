package id.go.jambiprov.lapor.sop.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.CalendarChanged;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The days off: national holidays and cuti bersama, which the government amends during the
 * year. Only the system admin changes them; every change is recorded with who, when, before and
 * after, and announced so that running deadlines are recomputed.
 */
@Service
public class HolidayCalendar {

	public enum Kind {

		HOLIDAY, COLLECTIVE_LEAVE

	}

	/** A day off; {@code provisional} when computed for a year without the official list. */
	public record DayOff(LocalDate date, Kind kind, String name, boolean provisional) {

		public DayOff(LocalDate date, Kind kind, String name) {
			this(date, kind, name, false);
		}

	}

	/** Who provides the computed days, in the audit trail. */
	static final String PROVIDER = "sistem (perkiraan)";

	public record Change(LocalDate date, String change, Kind kindBefore, String nameBefore, Kind kindAfter, String nameAfter,
			String changedBy, OffsetDateTime changedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CalendarDeadlines deadlines;

	private final ApplicationEventPublisher events;

	HolidayCalendar(JdbcClient jdbc, Clock clock, CalendarDeadlines deadlines, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadlines = deadlines;
		this.events = events;
	}

	public List<DayOff> year(int year) {
		return this.jdbc.sql("""
				select holiday_date, kind, name, provisional from holiday
				where holiday_date between ? and ? order by holiday_date""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs, n) -> dayOff(rs))
			.list();
	}

	boolean hasAny(int year) {
		return !this.jdbc.sql("select 1 from holiday where holiday_date between ? and ? fetch first 1 rows only")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	public List<Change> changes(Actor by, int year) {
		mustAdminister(by);
		return this.jdbc.sql("""
				select holiday_date, change_kind, kind_before, name_before, kind_after, name_after, changed_by, changed_at
				from holiday_change where holiday_date between ? and ? order by id""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs, n) -> new Change(rs.getObject("holiday_date", LocalDate.class), rs.getString("change_kind"),
					kind(rs.getString("kind_before")), rs.getString("name_before"), kind(rs.getString("kind_after")),
					rs.getString("name_after"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant().atZone(WorkingCalendar.JAKARTA).toOffsetDateTime()))
			.list();
	}

	@Transactional
	public DayOff add(Actor by, DayOff day) {
		mustAdminister(by);
		validate(day);
		if (find(day.date()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "holiday-exists", "problem.holiday-exists", day.date());
		}
		this.jdbc.sql("insert into holiday (holiday_date, kind, name) values (?, ?, ?)")
			.params(day.date(), day.kind().name(), day.name().strip())
			.update();
		record(by, day.date(), "ADDED", null, day);
		return find(day.date()).orElseThrow();
	}

	@Transactional
	public DayOff change(Actor by, DayOff day) {
		mustAdminister(by);
		validate(day);
		DayOff before = find(day.date()).orElseThrow(() -> notFound(day.date()));
		// a provisional day the admin changes is confirmed by it
		this.jdbc.sql("update holiday set kind = ?, name = ?, provisional = false where holiday_date = ?")
			.params(day.kind().name(), day.name().strip(), day.date())
			.update();
		record(by, day.date(), "CHANGED", before, day);
		return find(day.date()).orElseThrow();
	}

	/** The system admin confirms a provisional day as the official list has it. */
	@Transactional
	public DayOff confirm(Actor by, LocalDate date) {
		mustAdminister(by);
		DayOff before = find(date).orElseThrow(() -> notFound(date));
		this.jdbc.sql("update holiday set provisional = false where holiday_date = ?").param(date).update();
		record(by.username(), date, "CONFIRMED", before, before);
		return find(date).orElseThrow();
	}

	/**
	 * Puts the computed days of a year in the calendar when it has none at all (no official list
	 * yet), each provisional; a year with any day keeps what it has.
	 * @return how many days were provided
	 */
	@Transactional
	public int provide(int year) {
		if (hasAny(year)) {
			return 0;
		}
		List<DayOff> days = ProvisionalHolidays.of(year);
		for (DayOff day : days) {
			this.jdbc.sql("insert into holiday (holiday_date, kind, name, provisional) values (?, ?, ?, true)")
				.params(day.date(), day.kind().name(), day.name())
				.update();
			record(PROVIDER, day.date(), "PROVIDED", null, day);
		}
		return days.size();
	}

	/** How many provisional days lie between the two days, both included. */
	int provisionalBetween(LocalDate from, LocalDate to) {
		return this.jdbc.sql("select count(*) from holiday where provisional and holiday_date between ? and ?")
			.params(from, to)
			.query(Integer.class)
			.single();
	}

	@Transactional
	public void remove(Actor by, LocalDate date) {
		mustAdminister(by);
		DayOff before = find(date).orElseThrow(() -> notFound(date));
		this.jdbc.sql("delete from holiday where holiday_date = ?").param(date).update();
		record(by, date, "REMOVED", before, null);
	}

	private Optional<DayOff> find(LocalDate date) {
		return this.jdbc.sql("select holiday_date, kind, name, provisional from holiday where holiday_date = ?")
			.param(date)
			.query((rs, n) -> dayOff(rs))
			.optional();
	}

	private void record(Actor by, LocalDate date, String change, DayOff before, DayOff after) {
		record(by.username(), date, change, before, after);
	}

	private void record(String by, LocalDate date, String change, DayOff before, DayOff after) {
		this.jdbc.sql("""
				insert into holiday_change (holiday_date, change_kind, kind_before, name_before, kind_after, name_after,
				  changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(date, change, before == null ? null : before.kind().name(), before == null ? null : before.name(),
					after == null ? null : after.kind().name(), after == null ? null : after.name().strip(),
					by, Timestamp.from(this.clock.instant()))
			.update();
		this.events.publishEvent(new CalendarChanged(date, by));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				HolidayCalendar.this.deadlines.reload();
			}
		});
	}

	private static void validate(DayOff day) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (day.date() == null) {
			errors.add("date", "required");
		}
		if (day.kind() == null) {
			errors.add("kind", "required");
		}
		if (day.name() == null || day.name().isBlank()) {
			errors.add("name", "required");
		}
		else if (day.name().strip().length() > 200) {
			errors.add("name", "max-length", 200);
		}
		errors.throwIfAny();
	}

	public static void mustAdminister(Actor by) {
		if (by.role() != Role.SYSTEM_ADMIN) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION,
					"problem.forbidden-calendar");
		}
	}

	private static ProblemException notFound(LocalDate date) {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.holiday-not-found", date);
	}

	private static DayOff dayOff(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new DayOff(rs.getObject("holiday_date", LocalDate.class), Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getBoolean("provisional"));
	}

	private static Kind kind(String value) {
		return value == null ? null : Kind.valueOf(value);
	}

}
