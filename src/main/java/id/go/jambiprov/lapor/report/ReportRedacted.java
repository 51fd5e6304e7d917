package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.account.Role;

/**
 * A coordinator (or the national admin) changed what is hidden from the agency in a report's
 * texts. Says who and how many phrases, never the phrases: they are what is hidden.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param actorUserId the officer
 * @param actorUsername their username
 * @param actorRole their role
 * @param phraseCount how many phrases are hidden now (0: nothing any more)
 * @param at when
 */
public record ReportRedacted(UUID reportId, TrackingCode trackingCode, @Nullable UUID actorUserId,
		String actorUsername, Role actorRole, int phraseCount, Instant at) {
}
