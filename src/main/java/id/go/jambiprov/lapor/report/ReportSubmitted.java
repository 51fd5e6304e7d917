package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;


/**
 * A report was filed (decree step 1). Carries no identity of the reporter: listeners that need
 * to answer the reporter look the contact up through the report module.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param channel the channel it came through
 * @param submittedAt when it was stored
 */
public record ReportSubmitted(UUID reportId, TrackingCode trackingCode, Channel channel, Instant submittedAt) {
}
