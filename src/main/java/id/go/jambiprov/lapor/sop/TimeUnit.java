package id.go.jambiprov.lapor.sop;

/**
 * Units of a time standard.
 */
public enum TimeUnit {

	/** Working minutes inside office hours, breaks excluded. */
	MINUTES,

	/** Ends at the closing time of the N-th working day after the day the clock starts. */
	WORKING_DAYS,

	/** Plain days on the calendar, e.g. the 60 days after which the Ombudsman may take over. */
	CALENDAR_DAYS

}
