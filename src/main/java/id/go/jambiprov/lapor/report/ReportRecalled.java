package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;

/**
 * The coordinator took a report back from an agency before its answer: the agency's liaison
 * officers are told, since the report left their inbox.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param sequence the timeline entry of the recall
 * @param jurisdiction the report's jurisdiction
 * @param agency the agency it was taken from
 * @param reason why, as the coordinator wrote it
 * @param at when
 */
public record ReportRecalled(UUID reportId, TrackingCode trackingCode, int sequence, String jurisdiction,
		String agency, String reason, Instant at) {
}
