package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * The calendar changed and the report computed its running deadlines again (the report module
 * is their one owner); the clocks kept elsewhere follow.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param stepSequence the timeline entry that started the running step
 * @param status the status the report waits in
 * @param stepDueAt when the running step is due now, {@code null} without a clock
 * @param stepWarnAt when it starts to approach its deadline
 * @param resolutionDueAt when the answer is due by the resolution clock, {@code null} when that
 * clock does not run (not yet dispositioned, or answered)
 */
public record DeadlinesRecomputed(UUID reportId, TrackingCode trackingCode, int stepSequence, ReportStatus status,
		@Nullable Instant stepDueAt, @Nullable Instant stepWarnAt, @Nullable Instant resolutionDueAt) {
}
