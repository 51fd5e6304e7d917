package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;

/**
 * How the running step stands against its deadline: on time, approaching (75% of its standard
 * used up, in working time), or overdue.
 */
public enum ClockState {

	ON_TIME, APPROACHING, OVERDUE;

	/** @return the state at {@code now}, or {@code null} when no clock runs */
	static ClockState at(Instant now, Instant warnAt, Instant dueAt) {
		if (dueAt == null) {
			return null;
		}
		if (now.isAfter(dueAt)) {
			return OVERDUE;
		}
		return warnAt != null && !now.isBefore(warnAt) ? APPROACHING : ON_TIME;
	}

}
