package id.go.jambiprov.lapor.sop.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Keeps the calendar from running out: at start-up and every night, this year and the next get
 * the computed days ({@link ProvisionalHolidays}) when they have none, so that a deadline over
 * the new year never counts 1 January as a working day. Two instances starting together: one
 * inserts, the other finds the year filled.
 */
@Configuration(proxyBeanMethods = false)
class CalendarProvision {

	private static final Logger log = LoggerFactory.getLogger(CalendarProvision.class);

	private final HolidayCalendar holidays;

	private final Clock clock;

	CalendarProvision(HolidayCalendar holidays, Clock clock) {
		this.holidays = holidays;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void provide() {
		int year = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA)).getYear();
		for (int y = year; y <= year + 1; y++) {
			try {
				int provided = this.holidays.provide(y);
				if (provided > 0) {
					log.warn("No official holiday list for {}: {} provisional days computed; the system admin confirms, "
							+ "moves or removes each at /admin/kalender once the SKB is out", y, provided);
				}
			}
			catch (DataIntegrityViolationException concurrently) {
				// another instance provided the year at the same moment
			}
		}
	}

	@Bean
	RecurringTask<Void> calendarProvisionTask() {
		return Tasks.recurring("calendar-provision", new Daily(WorkingCalendar.JAKARTA, LocalTime.of(1, 0)))
			.execute((instance, context) -> provide());
	}

}
