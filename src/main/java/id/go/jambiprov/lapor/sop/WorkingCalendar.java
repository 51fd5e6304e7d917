package id.go.jambiprov.lapor.sop;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Working time in Asia/Jakarta: office hours (Ramadan hours on Ramadan days), minus weekends,
 * national holidays and cuti bersama. Pure: the same inputs give the same due time, whatever
 * the clock says.
 */
public final class WorkingCalendar {

	public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	/** How far ahead a deadline is searched before the calendar is declared broken. */
	private static final int MAX_DAYS = 3660;

	/** A span of days, both ends included. */
	public record Period(LocalDate firstDay, LocalDate lastDay) {

		public boolean contains(LocalDate day) {
			return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay);
		}

	}

	private final OfficeHours hours;

	private final OfficeHours ramadanHours;

	private final List<Period> ramadan;

	private final Set<LocalDate> daysOff;

	private final ZoneId zone;

	public WorkingCalendar(OfficeHours hours, OfficeHours ramadanHours, List<Period> ramadan, Set<LocalDate> daysOff,
			ZoneId zone) {
		this.hours = hours;
		this.ramadanHours = ramadanHours;
		this.ramadan = List.copyOf(ramadan);
		this.daysOff = Set.copyOf(daysOff);
		this.zone = zone;
		if (hours.weekly().isZero()) {
			throw new IllegalArgumentException("Office hours have no working time");
		}
	}

	/** A calendar without a Ramadan variant. */
	public WorkingCalendar(OfficeHours hours, Set<LocalDate> daysOff, ZoneId zone) {
		this(hours, hours, List.of(), daysOff, zone);
	}

	public boolean isWorkingDay(LocalDate day) {
		return !intervals(day).isEmpty() && !this.daysOff.contains(day);
	}

	public boolean isRamadan(LocalDate day) {
		return this.ramadan.stream().anyMatch(period -> period.contains(day));
	}

	/** The office intervals of a day (Ramadan hours on Ramadan days), ignoring days off. */
	public List<OfficeHours.Interval> intervals(LocalDate day) {
		return (isRamadan(day) ? this.ramadanHours : this.hours).on(day.getDayOfWeek());
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
				for (OfficeHours.Interval interval : intervals(day)) {
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
				List<OfficeHours.Interval> intervals = intervals(day);
				return day.atTime(intervals.get(intervals.size() - 1).end()).atZone(this.zone).toInstant();
			}
		}
		throw new IllegalStateException("No " + days + " working days found within " + MAX_DAYS + " days");
	}

	/**
	 * The moment a share of the working time between {@code start} and {@code due} is used up,
	 * e.g. 0.75 for the warning before a deadline.
	 */
	public Instant shareOf(Instant start, Instant due, double share) {
		Duration total = workingTimeBetween(start, due);
		long seconds = Math.round(total.toSeconds() * share);
		return addWorkingTime(start, Duration.ofSeconds(seconds));
	}

	/**
	 * Working time between two instants (zero when {@code to} is not after {@code from}), for
	 * the SLA figures and the share of a standard used up.
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		ZonedDateTime cursor = from.atZone(this.zone);
		ZonedDateTime end = to.atZone(this.zone);
		for (int i = 0; i < MAX_DAYS && cursor.isBefore(end); i++) {
			LocalDate day = cursor.toLocalDate();
			if (isWorkingDay(day)) {
				for (OfficeHours.Interval interval : intervals(day)) {
					ZonedDateTime open = day.atTime(interval.start()).atZone(this.zone);
					ZonedDateTime close = day.atTime(interval.end()).atZone(this.zone);
					ZonedDateTime a = cursor.isAfter(open) ? cursor : open;
					ZonedDateTime b = end.isBefore(close) ? end : close;
					if (a.isBefore(b)) {
						total = total.plus(Duration.between(a, b));
					}
				}
			}
			cursor = day.plusDays(1).atStartOfDay(this.zone);
		}
		return total;
	}

}
