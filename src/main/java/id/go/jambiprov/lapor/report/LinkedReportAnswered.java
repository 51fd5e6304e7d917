package id.go.jambiprov.lapor.report;

import java.util.UUID;

/**
 * The main report a linked report was joined to has been answered: the linked report's reporter
 * receives the answer on their own channel.
 *
 * @param reportId the linked report
 * @param trackingCode its tracking code
 * @param answer the main report's answer
 * @param mainSequence the main report's answer entry (one message per answer)
 */
public record LinkedReportAnswered(UUID reportId, TrackingCode trackingCode, String answer, int mainSequence) {
}
