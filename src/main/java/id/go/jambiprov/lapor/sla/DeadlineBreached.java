package id.go.jambiprov.lapor.sla;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * The running step missed its deadline. Announced once per step.
 *
 * @param reportId the report
 * @param trackingCode its tracking code (twelve digits)
 * @param stepSequence the timeline entry that started the step
 * @param status the status the report waits in
 * @param jurisdiction its jurisdiction
 * @param agency its agency, if any
 * @param dueAt when the step was due
 */
public record DeadlineBreached(UUID reportId, String trackingCode, int stepSequence, ReportStatus status,
		String jurisdiction, @Nullable String agency, Instant dueAt) {
}
