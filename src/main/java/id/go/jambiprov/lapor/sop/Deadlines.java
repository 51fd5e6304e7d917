package id.go.jambiprov.lapor.sop;

import java.time.Instant;

/**
 * Due times on the province's current working calendar.
 */
public interface Deadlines {

	/** When the time standard, started at {@code start}, runs out. */
	Instant dueAt(Instant start, TimeStandard standard);

	/** Share of a step's standard after which its clock shows that the deadline approaches. */
	double WARNING_SHARE = 0.75;

	/** When a step started at {@code start} and due at {@code due} starts to approach its deadline. */
	default Instant warningAt(Instant start, Instant due) {
		return calendar().shareOf(start, due, WARNING_SHARE);
	}

	/** The calendar as it stands now (holidays change during the year). */
	WorkingCalendar calendar();

}
