package id.go.jambiprov.lapor.sop;

/**
 * Where a report stands in the SOP. The transitions between them live in the
 * {@link SopDefinition}, never in code.
 */
public enum ReportStatus {

	SUBMITTED, FORWARDED, RECEIVED, VERIFIED, RETURNED, RETURN_RECEIVED, ASSIGNED, DISPOSED, IN_PROGRESS,
	ANSWERED, ON_HOLD, ARCHIVED, CLOSED,
	/** A duplicate: another report of the same matter carries it and answers it for both. */
	LINKED;

	/** Whether nothing more can happen to the report. */
	public boolean isFinal() {
		return this == ARCHIVED || this == CLOSED;
	}

}
