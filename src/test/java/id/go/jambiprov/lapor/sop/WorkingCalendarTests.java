package id.go.jambiprov.lapor.sop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the SLA issue, on the 2026 calendar, and the properties any deadline keeps.
 */
class WorkingCalendarTests {

	static final Set<LocalDate> DAYS_OFF_2026 = Set.of(LocalDate.parse("2026-03-18"), LocalDate.parse("2026-03-19"),
			LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-21"), LocalDate.parse("2026-03-22"),
			LocalDate.parse("2026-03-23"), LocalDate.parse("2026-03-24"), LocalDate.parse("2026-12-24"),
			LocalDate.parse("2026-12-25"));

	final WorkingCalendar calendar = new WorkingCalendar(OfficeHours.perpres21of2023(), DAYS_OFF_2026,
			WorkingCalendar.JAKARTA);

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.JAKARTA).toInstant();
	}

	Instant due(String start, int amount, TimeUnit unit) {
		return this.calendar.dueAt(at(start), new TimeStandard(amount, unit));
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
	void calendarDaysIgnoreOfficeHours() {
		assertThat(due("2026-11-01T10:00", 60, TimeUnit.CALENDAR_DAYS)).isEqualTo(at("2026-12-31T10:00"));
	}

	@Property
	void aMinuteDeadlineNeverFallsOutsideOfficeHours(@ForAll @IntRange(min = 0, max = 400_000) int minuteOfYear,
			@ForAll @IntRange(min = 1, max = 3000) int minutes) {
		Instant start = at("2026-01-01T00:00").plusSeconds(minuteOfYear * 60L);
		var due = this.calendar.dueAt(start, new TimeStandard(minutes, TimeUnit.MINUTES)).atZone(WorkingCalendar.JAKARTA);
		assertThat(this.calendar.isWorkingDay(due.toLocalDate())).isTrue();
		boolean inside = OfficeHours.perpres21of2023()
			.on(due.getDayOfWeek())
			.stream()
			.anyMatch(i -> !due.toLocalTime().isBefore(i.start()) && !due.toLocalTime().isAfter(i.end()));
		assertThat(inside).isTrue();
	}

	@Property
	void workingMinutesAddAssociatively(@ForAll @IntRange(min = 0, max = 400_000) int minuteOfYear,
			@ForAll @IntRange(min = 1, max = 2000) int a, @ForAll @IntRange(min = 1, max = 2000) int b) {
		Instant start = at("2026-01-01T00:00").plusSeconds(minuteOfYear * 60L);
		Instant stepwise = this.calendar.addWorkingTime(this.calendar.addWorkingTime(start, java.time.Duration.ofMinutes(a)),
				java.time.Duration.ofMinutes(b));
		assertThat(stepwise).isEqualTo(this.calendar.addWorkingTime(start, java.time.Duration.ofMinutes(a + b)));
	}

	@Property
	void deadlinesGrowWithTheAmountAndTheStart(@ForAll @IntRange(min = 0, max = 400_000) int minuteOfYear,
			@ForAll @IntRange(min = 0, max = 20) int days, @ForAll @IntRange(min = 0, max = 5000) int later) {
		Instant start = at("2026-01-01T00:00").plusSeconds(minuteOfYear * 60L);
		TimeStandard standard = new TimeStandard(days, TimeUnit.WORKING_DAYS);
		Instant due = this.calendar.dueAt(start, standard);
		assertThat(this.calendar.dueAt(start, new TimeStandard(days + 1, TimeUnit.WORKING_DAYS))).isAfter(due);
		assertThat(this.calendar.dueAt(start.plusSeconds(later * 60L), standard)).isAfterOrEqualTo(due);
	}

}
