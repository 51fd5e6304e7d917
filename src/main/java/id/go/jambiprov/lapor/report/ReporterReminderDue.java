package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Halfway to the deadline of a hold, the reporter has not yet sent the missing data: remind
 * them through the way they can be reached. Carries no identity beyond the reporter's account
 * id; channels look the contact up through the report module.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param reporterAccountId the reporter's LAPOR account, {@code null} without one
 * @param channel the channel the report came through
 * @param respondBy when the report is archived without the data
 */
public record ReporterReminderDue(UUID reportId, TrackingCode trackingCode, @Nullable UUID reporterAccountId, Channel channel,
		Instant respondBy) {
}
