package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * A report moved from one status to another through an action of the SOP. One event per
 * timeline entry; {@code sequence} numbers the entries of a report from 1.
 *
 * @param reportId the report
 * @param trackingCode its tracking code
 * @param sequence the entry's number in the report's timeline
 * @param action the action taken
 * @param from status before
 * @param to status after
 * @param actorUserId the acting user, {@code null} for a reporter without account or the system
 * @param actorUsername the acting user's login name
 * @param actorRole the acting role
 * @param note note, reason, answer or message given with the action
 * @param step the decree step of the action, {@code null} beyond the decree
 * @param at when it happened
 * @param dueAt when the step that just ended was due, {@code null} without a clock
 * @param met whether it ended in time, {@code null} without a clock
 * @param jurisdiction the report's jurisdiction afterwards
 * @param agency the report's agency afterwards
 * @param nextDueAt when the step that starts now is due
 * @param workingSeconds how long the step that just ended took, in working time; {@code null} for
 * the first entry
 * @param resolutionDueAt when the answer is due by the resolution clock (set at the first disposition)
 * @param nextWarnAt when the step that starts now starts to approach its deadline
 */
public record ReportTransitioned(UUID reportId, TrackingCode trackingCode, int sequence, Action action,
		@Nullable ReportStatus from, ReportStatus to, @Nullable UUID actorUserId, @Nullable String actorUsername,
		Role actorRole, @Nullable String note, @Nullable String step, Instant at, @Nullable Instant dueAt,
		@Nullable Boolean met, @Nullable String jurisdiction, @Nullable String agency, @Nullable Instant nextDueAt,
		@Nullable Long workingSeconds, @Nullable Instant resolutionDueAt, @Nullable Instant nextWarnAt) {
}
