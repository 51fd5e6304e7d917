package id.go.jambiprov.lapor.sop;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Working time in Asia/Jakarta: office hours, minus weekends, national holidays and cuti
 * bersama. Pure: the same inputs give the same due time, whatever the clock says.
 */
public final class WorkingCalendar {

	public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	/** How far ahead a deadline is searched before the calendar is declared broken. */
	private static final int MAX_DAYS = 3660;

	private final OfficeHours hours;

	private final Set<LocalDate> daysOff;

	private final ZoneId zone;

	public WorkingCalendar(OfficeHours hours, Set<LocalDate> daysOff, ZoneId zone) {
		this.hours = hours;
		this.daysOff = Set.copyOf(daysOff);
		this.zone = zone;
		if (hours.weekly().isZero()) {
			throw new IllegalArgumentException("Office hours have no working time");
		}
	}

	public boolean isWorkingDay(LocalDate day) {
		return !this.hours.on(day.getDayOfWeek()).isEmpty() && !this.daysOff.contains(day);
	}

	/** When the time standard, starting at {@code start}, runs out. */
	public Instant dueAt(Instant start, TimeStandard standard) {
		return switch (standard.unit()) {
			case MINUTES -> addWorkingTime(start, Duration.ofMinutes(standard.amount()));
			case WORKING_DAYS -> addWorkingDays(start, standard.amount());
			case CALENDAR_DAYS -> start.atZone(this.zone).plusDays(standard.amount()).toInstant();
		};
	}

	/**
	 * Adds working time inside office hours, breaks excluded. A start outside office hours counts
	 * from the next working minute; adding nothing gives that minute.
	 */
	public Instant addWorkingTime(Instant start, Duration amount) {
		ZonedDateTime cursor = start.atZone(this.zone);
		Duration remaining = amount;
		for (int i = 0; i < MAX_DAYS; i++) {
			LocalDate day = cursor.toLocalDate();
			if (isWorkingDay(day)) {
				for (OfficeHours.Interval interval : this.hours.on(day.getDayOfWeek())) {
					ZonedDateTime open = day.atTime(interval.start()).atZone(this.zone);
					ZonedDateTime close = day.atTime(interval.end()).atZone(this.zone);
					ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
					if (!from.isBefore(close)) {
						continue;
					}
					Duration available = Duration.between(from, close);
					if (remaining.compareTo(available) <= 0) {
						return from.plus(remaining).toInstant();
					}
					remaining = remaining.minus(available);
				}
			}
			cursor = day.plusDays(1).atStartOfDay(this.zone);
		}
		throw new IllegalStateException("No working time found within " + MAX_DAYS + " days of " + start);
	}

	/**
	 * The closing time of the N-th working day after the day of {@code start}; that day itself
	 * does not count, whatever the hour.
	 */
	public Instant addWorkingDays(Instant start, int days) {
		LocalDate day = start.atZone(this.zone).toLocalDate();
		if (days == 0) {
			return addWorkingTime(start, Duration.ZERO);
		}
		int counted = 0;
		for (int i = 0; i < MAX_DAYS; i++) {
			day = day.plusDays(1);
			if (isWorkingDay(day) && ++counted == days) {
				List<OfficeHours.Interval> intervals = this.hours.on(day.getDayOfWeek());
				return day.atTime(intervals.get(intervals.size() - 1).end()).atZone(this.zone).toInstant();
			}
		}
		throw new IllegalStateException("No " + days + " working days found within " + MAX_DAYS + " days");
	}

}
