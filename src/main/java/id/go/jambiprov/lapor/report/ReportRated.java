package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The reporter rated the service they received (1 to 5), at closing or later in answer to the
 * invitation to rate a report the system closed. A report is rated once.
 *
 * @param reportId the report
 * @param rating from 1 (very dissatisfied) to 5 (very satisfied)
 * @param at when the rating was given
 * @param jurisdiction the report's jurisdiction
 * @param agency the agency that answered
 */
public record ReportRated(UUID reportId, int rating, Instant at, @Nullable String jurisdiction,
		@Nullable String agency) {
}
