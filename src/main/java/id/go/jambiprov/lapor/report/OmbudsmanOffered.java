package id.go.jambiprov.lapor.report;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Sixty days after submission the report is not finished: its reporter may ask for the
 * Ombudsman, and is told so once through the way they can be reached.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param reporterAccountId the reporter's LAPOR account, {@code null} without one
 * @param channel the channel the report came through
 */
public record OmbudsmanOffered(UUID reportId, TrackingCode trackingCode, @Nullable UUID reporterAccountId,
		Channel channel) {
}
