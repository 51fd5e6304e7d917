package id.go.jambiprov.lapor.sop;

import java.util.Collections;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Office hours per day of the week, as intervals with the breaks between them.
 */
public final class OfficeHours {

	/** One stretch of office time on a day. */
	public record Interval(LocalTime start, LocalTime end) {

		public Interval {
			if (!start.isBefore(end)) {
				throw new IllegalArgumentException("An office interval must end after it starts: " + start + "-" + end);
			}
		}

	}

	private final Map<DayOfWeek, List<Interval>> days;

	public OfficeHours(Map<DayOfWeek, List<Interval>> days) {
		EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
		days.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
		this.days = copy;
	}

	/**
	 * Perpres 21/2023: Monday to Thursday 07:30-12:00 and 13:00-16:00, Friday 07:30-11:30 and
	 * 13:00-16:30; 37.5 hours a week.
	 */
	public static OfficeHours perpres21of2023() {
		return weekdays(List.of(new Interval(LocalTime.of(7, 30), LocalTime.of(12, 0)),
				new Interval(LocalTime.of(13, 0), LocalTime.of(16, 0))),
				List.of(new Interval(LocalTime.of(7, 30), LocalTime.of(11, 30)),
						new Interval(LocalTime.of(13, 0), LocalTime.of(16, 30))));
	}

	/**
	 * Perpres 21/2023 during Ramadan: from 08:00, 32.5 hours a week; Monday to Thursday
	 * 08:00-12:00 and 12:30-15:00, Friday 08:00-11:30 and 12:30-15:30.
	 */
	public static OfficeHours ramadanPerpres21of2023() {
		return weekdays(List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
				new Interval(LocalTime.of(12, 30), LocalTime.of(15, 0))),
				List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(11, 30)),
						new Interval(LocalTime.of(12, 30), LocalTime.of(15, 30))));
	}

	private static OfficeHours weekdays(List<Interval> mondayToThursday, List<Interval> friday) {
		Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
			days.put(day, mondayToThursday);
		}
		days.put(DayOfWeek.FRIDAY, friday);
		return new OfficeHours(days);
	}

	/** The intervals of every day that has any, Monday first. */
	public Map<DayOfWeek, List<Interval>> days() {
		return Collections.unmodifiableMap(this.days);
	}

	public List<Interval> on(DayOfWeek day) {
		return this.days.getOrDefault(day, List.of());
	}

	public Duration weekly() {
		return this.days.values()
			.stream()
			.flatMap(List::stream)
			.map(i -> Duration.between(i.start(), i.end()))
			.reduce(Duration.ZERO, Duration::plus);
	}

}
