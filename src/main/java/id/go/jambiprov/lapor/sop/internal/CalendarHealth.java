package id.go.jambiprov.lapor.sop.internal;

import java.time.Clock;
import java.time.LocalDate;

import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * From 1 October, warns while next year has no days off: the government publishes the next
 * year's holidays around September, and deadlines over the new year would run through them.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "next year has no holidays in the calendar");

	private final HolidayCalendar holidays;

	private final Clock clock;

	CalendarHealth(HolidayCalendar holidays, Clock clock) {
		this.holidays = holidays;
		this.clock = clock;
	}

	@Override
	public Health health() {
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		int next = today.getYear() + 1;
		if (today.getMonthValue() >= 10 && !this.holidays.hasAny(next)) {
			return Health.status(WARNING)
				.withDetail("warning", "Hari libur dan cuti bersama " + next + " belum diisi / the " + next
						+ " holidays are not in the calendar yet (POST /api/v1/calendar/holidays)")
				.build();
		}
		return Health.up().build();
	}

}
