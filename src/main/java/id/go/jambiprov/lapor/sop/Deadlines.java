package id.go.jambiprov.lapor.sop;

import java.time.Instant;

/**
 * Due times on the province's current working calendar.
 */
public interface Deadlines {

	/** When the time standard, started at {@code start}, runs out. */
	Instant dueAt(Instant start, TimeStandard standard);

	/** The calendar as it stands now (holidays change during the year). */
	WorkingCalendar calendar();

}
