package id.go.jambiprov.lapor.sla;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A dispositioned report was not answered within the resolution standard (5 working days of
 * the first disposition). Announced once per report; escalated to the jurisdiction's supervisor.
 *
 * @param reportId the report
 * @param trackingCode its tracking code (twelve digits)
 * @param jurisdiction its jurisdiction
 * @param agency the agency that had to answer
 * @param dueAt when the answer was due
 */
public record ResolutionBreached(UUID reportId, String trackingCode, String jurisdiction, @Nullable String agency,
		Instant dueAt) {
}
