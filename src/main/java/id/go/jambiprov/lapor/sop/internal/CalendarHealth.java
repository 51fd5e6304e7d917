package id.go.jambiprov.lapor.sop.internal;

import java.time.Clock;
import java.time.LocalDate;

import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Warns while provisional days off (computed, not yet confirmed against the SKB) lie in the next
 * 60 days, and from 1 October while next year has no days off at all: deadlines over them would
 * be counted on a guess, or run through them.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "the holiday calendar needs the system admin");

	private final HolidayCalendar holidays;

	private final Clock clock;

	CalendarHealth(HolidayCalendar holidays, Clock clock) {
		this.holidays = holidays;
		this.clock = clock;
	}

	/** How far ahead provisional days are worth a warning: deadlines are counted over them now. */
	static final int AHEAD_DAYS = 60;

	@Override
	public Health health() {
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		int next = today.getYear() + 1;
		int provisional = this.holidays.provisionalBetween(today, today.plusDays(AHEAD_DAYS));
		if (provisional > 0) {
			return Health.status(WARNING)
				.withDetail("warning", provisional + " hari libur perkiraan dalam " + AHEAD_DAYS + " hari ke depan / "
						+ provisional + " provisional days off in the next " + AHEAD_DAYS
						+ " days: confirm, move or remove them at /admin/kalender once the SKB is out")
				.withDetail("provisionalDays", provisional)
				.build();
		}
		if (today.getMonthValue() >= 10 && !this.holidays.hasAny(next)) {
			return Health.status(WARNING)
				.withDetail("warning", "Hari libur dan cuti bersama " + next + " belum diisi / the " + next
						+ " holidays are not in the calendar yet (POST /api/v1/calendar/holidays)")
				.build();
		}
		return Health.up().build();
	}

}
