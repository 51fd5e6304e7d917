package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.List;

/**
 * The check of the timeline chains found reports whose timeline was changed around the
 * application (an entry edited or removed in the database itself).
 *
 * @param trackingCodes the reports whose chain is broken
 * @param detectedAt when the check found it
 */
public record TimelineTampered(List<TrackingCode> trackingCodes, Instant detectedAt) {
}
