package id.go.jambiprov.lapor.report;

import java.util.UUID;

/**
 * The reporter added to the chronology of their own report through the channel they used.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param channel the channel of the report
 */
public record ReportSupplemented(UUID reportId, TrackingCode trackingCode, Channel channel) {
}
