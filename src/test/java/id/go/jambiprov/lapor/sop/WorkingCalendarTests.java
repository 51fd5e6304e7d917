package id.go.jambiprov.lapor.sop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the SLA issue on the shipped 2025 and 2026 calendars (holidays read from the
 * seed migration, Ramadan hours on Ramadan days), and the properties any deadline keeps.
 */
class WorkingCalendarTests {

	static final Set<LocalDate> SEEDED_DAYS_OFF = seededDaysOff();

	static final List<WorkingCalendar.Period> RAMADAN = List.of(
			new WorkingCalendar.Period(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-30")),
			new WorkingCalendar.Period(LocalDate.parse("2026-02-19"), LocalDate.parse("2026-03-20")));

	final WorkingCalendar calendar = new WorkingCalendar(OfficeHours.perpres21of2023(),
			OfficeHours.ramadanPerpres21of2023(), RAMADAN, SEEDED_DAYS_OFF, WorkingCalendar.JAKARTA);

	static Set<LocalDate> seededDaysOff() {
		try (InputStream in = WorkingCalendarTests.class
			.getResourceAsStream("/db/migration/common/V3__seed_holidays_2025_2026.sql")) {
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher dates = Pattern.compile("date '(\\d{4}-\\d{2}-\\d{2})'").matcher(sql);
			return dates.results().map(m -> LocalDate.parse(m.group(1))).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.JAKARTA).toInstant();
	}

	Instant due(String start, int amount, TimeUnit unit) {
		return this.calendar.dueAt(at(start), new TimeStandard(amount, unit));
	}

	@Test
	void theSeedHasEveryDayOffOf2025And2026() {
		assertThat(SEEDED_DAYS_OFF).hasSize(53);
	}

	@Test
	void minutesSkipTheLunchBreak() {
		assertThat(due("2026-11-25T11:55", 10, TimeUnit.MINUTES)).isEqualTo(at("2026-11-25T13:05"));
	}

	@Test
	void minutesSkipTheWeekend() {
		assertThat(due("2026-11-27T16:25", 10, TimeUnit.MINUTES)).isEqualTo(at("2026-11-30T07:35"));
		assertThat(due("2026-11-28T09:00", 5, TimeUnit.MINUTES)).isEqualTo(at("2026-11-30T07:35"));
	}

	@Test
	void workingDaysEndAtTheCloseOfTheNthWorkingDayAfterTheStartDay() {
		assertThat(due("2026-03-17T10:00", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-03-25T16:00"));
		assertThat(due("2026-03-17T10:00", 3, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-03-27T16:30"));
		assertThat(due("2026-11-27T16:15", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-11-30T16:00"));
		assertThat(due("2026-11-28T09:00", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-11-30T16:00"));
		assertThat(due("2026-12-23T15:00", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-12-28T16:00"));
	}

	@Test
	void deadlinesCrossTheNewYear() {
		// 25 Dec holiday, 26 Dec cuti bersama, weekend
		assertThat(due("2025-12-24T10:00", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2025-12-29T16:00"));
		// 31 Dec, (1 Jan holiday), 2 Jan, 5 Jan
		assertThat(due("2025-12-30T10:00", 3, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-01-05T16:00"));
		assertThat(due("2025-12-31T15:45", 30, TimeUnit.MINUTES)).isEqualTo(at("2026-01-02T07:45"));
	}

	@Test
	void ramadanDaysHaveRamadanHours() {
		// Ramadan 1447 H: Thursday closes 15:00, Friday opens 08:00
		assertThat(due("2026-03-05T14:55", 10, TimeUnit.MINUTES)).isEqualTo(at("2026-03-06T08:05"));
		assertThat(due("2026-03-02T09:00", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-03-03T15:00"));
		assertThat(due("2026-03-05T09:00", 1, TimeUnit.WORKING_DAYS)).isEqualTo(at("2026-03-06T15:30"));
		// the lunch break during Ramadan is 12:00-12:30
		assertThat(due("2026-03-04T11:55", 10, TimeUnit.MINUTES)).isEqualTo(at("2026-03-04T12:35"));
		assertThat(OfficeHours.ramadanPerpres21of2023().weekly()).isEqualTo(Duration.ofMinutes(32 * 60 + 30));
		assertThat(OfficeHours.perpres21of2023().weekly()).isEqualTo(Duration.ofMinutes(37 * 60 + 30));
	}

	@Test
	void calendarDaysIgnoreOfficeHours() {
		assertThat(due("2026-11-01T10:00", 60, TimeUnit.CALENDAR_DAYS)).isEqualTo(at("2026-12-31T10:00"));
	}

	@Test
	void workingTimeBetweenTwoInstantsCountsOnlyOfficeMinutes() {
		assertThat(this.calendar.workingTimeBetween(at("2026-11-25T11:55"), at("2026-11-25T13:05")))
			.isEqualTo(Duration.ofMinutes(10));
		assertThat(this.calendar.workingTimeBetween(at("2026-11-27T16:25"), at("2026-11-30T07:35")))
			.isEqualTo(Duration.ofMinutes(10));
	}

	@Property
	void aMinuteDeadlineNeverFallsOutsideOfficeHoursOrOnADayOff(
			@ForAll @IntRange(min = 0, max = 1_000_000) int minuteOf2025And2026,
			@ForAll @IntRange(min = 1, max = 3000) int minutes) {
		Instant start = at("2025-01-01T00:00").plusSeconds(minuteOf2025And2026 * 60L);
		var due = this.calendar.dueAt(start, new TimeStandard(minutes, TimeUnit.MINUTES)).atZone(WorkingCalendar.JAKARTA);
		assertThat(this.calendar.isWorkingDay(due.toLocalDate())).isTrue();
		boolean inside = this.calendar.intervals(due.toLocalDate())
			.stream()
			.anyMatch(i -> !due.toLocalTime().isBefore(i.start()) && !due.toLocalTime().isAfter(i.end()));
		assertThat(inside).isTrue();
	}

	@Property
	void aWorkingDayDeadlineIsTheCloseOfAWorkingDay(@ForAll @IntRange(min = 0, max = 1_000_000) int minute,
			@ForAll @IntRange(min = 1, max = 30) int days) {
		Instant start = at("2025-01-01T00:00").plusSeconds(minute * 60L);
		var due = this.calendar.dueAt(start, new TimeStandard(days, TimeUnit.WORKING_DAYS)).atZone(WorkingCalendar.JAKARTA);
		var intervals = this.calendar.intervals(due.toLocalDate());
		assertThat(this.calendar.isWorkingDay(due.toLocalDate())).isTrue();
		assertThat(due.toLocalTime()).isEqualTo(intervals.get(intervals.size() - 1).end());
	}

	@Property
	void workingMinutesAddAssociatively(@ForAll @IntRange(min = 0, max = 1_000_000) int minute,
			@ForAll @IntRange(min = 1, max = 2000) int a, @ForAll @IntRange(min = 1, max = 2000) int b) {
		Instant start = at("2025-01-01T00:00").plusSeconds(minute * 60L);
		Instant stepwise = this.calendar.addWorkingTime(this.calendar.addWorkingTime(start, Duration.ofMinutes(a)),
				Duration.ofMinutes(b));
		assertThat(stepwise).isEqualTo(this.calendar.addWorkingTime(start, Duration.ofMinutes(a + b)));
	}

	@Property
	void deadlinesGrowWithTheAmountAndTheStart(@ForAll @IntRange(min = 0, max = 1_000_000) int minute,
			@ForAll @IntRange(min = 0, max = 20) int days, @ForAll @IntRange(min = 0, max = 5000) int later,
			@ForAll @IntRange(min = 0, max = 2000) int minutes) {
		Instant start = at("2025-01-01T00:00").plusSeconds(minute * 60L);
		TimeStandard standard = new TimeStandard(days, TimeUnit.WORKING_DAYS);
		Instant due = this.calendar.dueAt(start, standard);
		assertThat(this.calendar.dueAt(start, new TimeStandard(days + 1, TimeUnit.WORKING_DAYS))).isAfter(due);
		assertThat(this.calendar.dueAt(start.plusSeconds(later * 60L), standard)).isAfterOrEqualTo(due);
		TimeStandard inMinutes = new TimeStandard(minutes, TimeUnit.MINUTES);
		Instant dueInMinutes = this.calendar.dueAt(start, inMinutes);
		assertThat(this.calendar.dueAt(start, new TimeStandard(minutes + 1, TimeUnit.MINUTES))).isAfter(dueInMinutes);
		assertThat(this.calendar.dueAt(start.plusSeconds(later * 60L), inMinutes)).isAfterOrEqualTo(dueInMinutes);
	}

	@Property
	void theWorkingTimeUntilAMinuteDeadlineIsItsStandard(@ForAll @IntRange(min = 0, max = 1_000_000) int minute,
			@ForAll @IntRange(min = 1, max = 3000) int minutes) {
		Instant start = at("2025-01-01T00:00").plusSeconds(minute * 60L);
		Instant due = this.calendar.addWorkingTime(start, Duration.ofMinutes(minutes));
		assertThat(this.calendar.workingTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(minutes));
	}

}
