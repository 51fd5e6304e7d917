package id.go.jambiprov.lapor.sop.internal.web;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.TimeUnit;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.Change;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.DayOff;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.Kind;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Kalender kerja / Working calendar")
class CalendarController {

	static final int MAX_AMOUNT = 100_000;

	record Due(OffsetDateTime dueAt) {
	}

	record DayOffBody(LocalDate date, Kind kind, String name) {
	}

	record Interval(String start, String end) {
	}

	record Hours(Map<DayOfWeek, List<Interval>> normal, Map<DayOfWeek, List<Interval>> ramadan,
			List<WorkingCalendar.Period> ramadanPeriods) {
	}

	private final Deadlines deadlines;

	private final HolidayCalendar holidays;

	private final CurrentActor actor;

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarController(Deadlines deadlines, HolidayCalendar holidays, CurrentActor actor, JdbcClient jdbc,
			Clock clock) {
		this.deadlines = deadlines;
		this.holidays = holidays;
		this.actor = actor;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/due")
	@Operation(summary = "Hitung tenggat / When a time standard started at an instant runs out",
			description = "MINUTES: working minutes inside office hours, breaks excluded. WORKING_DAYS: the closing "
					+ "time of the N-th working day after the day of 'from'. CALENDAR_DAYS: plain days.")
	Due due(@RequestParam(required = false) String from, @RequestParam(required = false) Integer amount,
			@RequestParam(required = false) TimeUnit unit) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		Instant start = null;
		if (from == null || from.isBlank()) {
			errors.add("from", "required");
		}
		else {
			try {
				// an unencoded "+07:00" arrives as " 07:00"
				start = OffsetDateTime.parse(from.strip().replace(' ', '+')).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add("from", "instant");
			}
		}
		if (amount == null) {
			errors.add("amount", "required");
		}
		else if (amount < 0 || amount > MAX_AMOUNT) {
			errors.add("amount", "range");
		}
		if (unit == null) {
			errors.add("unit", "required");
		}
		errors.throwIfAny();
		Instant due = this.deadlines.dueAt(start, new TimeStandard(amount, unit));
		return new Due(due.atZone(WorkingCalendar.JAKARTA).toOffsetDateTime());
	}

	@GetMapping("/holidays")
	@Operation(summary = "Hari libur dan cuti bersama / The year's days off")
	List<DayOff> holidays(@RequestParam(required = false) Integer year) {
		return this.holidays.year(year(year));
	}

	@GetMapping("/holidays/changes")
	@Operation(summary = "Riwayat perubahan hari libur / Who changed which day off (system admin)")
	List<Change> changes(@RequestParam(required = false) Integer year) {
		return this.holidays.changes(admin(), year(year));
	}

	@PostMapping("/holidays")
	@Operation(summary = "Tambah hari libur / Add a day off (system admin)")
	ResponseEntity<DayOff> add(@RequestBody DayOffBody body) {
		DayOff added = this.holidays.add(admin(), new DayOff(body.date(), body.kind(), body.name()));
		return ResponseEntity.created(URI.create("/api/v1/calendar/holidays/" + added.date())).body(added);
	}

	@PutMapping("/holidays/{date}")
	@Operation(summary = "Ubah hari libur / Change a day off (system admin)")
	DayOff change(@PathVariable LocalDate date, @RequestBody DayOffBody body) {
		return this.holidays.change(admin(), new DayOff(date, body.kind(), body.name()));
	}

	@PostMapping("/holidays/{date}/confirmation")
	@Operation(summary = "Konfirmasi hari libur perkiraan / Confirm a provisional day off",
			description = "The official list (SKB) has the day as computed: it stops being provisional. A day the SKB "
					+ "puts elsewhere is removed and added on its date. System admin.")
	DayOff confirm(@PathVariable LocalDate date) {
		return this.holidays.confirm(admin(), date);
	}

	@DeleteMapping("/holidays/{date}")
	@Operation(summary = "Hapus hari libur / Remove a day off (system admin)")
	ResponseEntity<Void> remove(@PathVariable LocalDate date) {
		this.holidays.remove(admin(), date);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/office-hours")
	@Operation(summary = "Jam kerja / Office hours, normal and during Ramadan")
	Hours officeHours() {
		var normal = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
		var ramadan = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
		this.jdbc.sql("select variant, day_of_week, start_time, end_time from office_hours order by variant, day_of_week, start_time")
			.query(rs -> {
				var target = "RAMADAN".equals(rs.getString("variant")) ? ramadan : normal;
				target.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), d -> new ArrayList<>())
					.add(new Interval(rs.getString("start_time").substring(0, 5), rs.getString("end_time").substring(0, 5)));
			});
		List<WorkingCalendar.Period> periods = this.jdbc.sql("select first_day, last_day from ramadan_period order by first_day")
			.query((rs, n) -> new WorkingCalendar.Period(rs.getObject("first_day", LocalDate.class),
					rs.getObject("last_day", LocalDate.class)))
			.list();
		return new Hours(normal, ramadan, periods);
	}

	private int year(Integer year) {
		if (year == null) {
			return Year.now(this.clock.withZone(WorkingCalendar.JAKARTA)).getValue();
		}
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException.Collector().add("year", "range").asException();
		}
		return year;
	}

	private Actor admin() {
		Actor by = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		HolidayCalendar.mustAdminister(by);
		return by;
	}

}
