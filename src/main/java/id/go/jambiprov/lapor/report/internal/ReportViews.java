package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

/**
 * What the report API answers. Times are shown in Asia/Jakarta ({@code +07:00}).
 */
public final class ReportViews {

	private ReportViews() {
	}

	static OffsetDateTime jakarta(Instant instant) {
		return instant == null ? null : instant.atZone(WorkingCalendar.JAKARTA).toOffsetDateTime();
	}

	public record Created(String trackingCode, ReportStatus status, String accessKey, OffsetDateTime submittedAt) {
	}

	record LocationView(String address, String regency, Double latitude, Double longitude) {
	}

	/** The reporter as a caller entitled to see them sees them. */
	public record ReporterView(String name, String email, String phone, String identityNumber, boolean hasAccount,
			String channelHandle) {
	}

	record AgencyView(String code, String name) {
	}

	/**
	 * One report as the caller may see it; {@code reporter} is {@code null} and
	 * {@code reporterHidden} true where the privacy rules hide the reporter from the caller. The
	 * texts are as the caller may read them: where the coordinator hid phrases from the agency,
	 * the liaison and the supervisor read {@code [disamarkan]} in their place, and
	 * {@code redactions} (the phrases) is given only to those who may change it.
	 * {@code nationalTrackingId} is the report's id at the national SP4N-LAPOR!, once it has one.
	 */
	public record ReportView(String trackingCode, ReportType type, String title, String description, LocalDate occurredOn,
			LocationView location, String category, Channel channel, boolean anonymous, boolean confidential,
			ReporterView reporter, boolean reporterHidden, String jurisdiction, AgencyView agency,
			ReportStatus status, OffsetDateTime statusSince, OffsetDateTime submittedAt, OffsetDateTime dueAt,
			ClockState clock, OffsetDateTime resolutionDueAt, boolean ombudsmanEligible, String autoAction,
			OffsetDateTime autoActionAt, List<String> allowedActions, String answer, Integer rating, long version,
			List<String> redactions, String nationalTrackingId) {
	}

	record ActorView(String username, Role role) {
	}

	/**
	 * One entry of the timeline; for officers, an internal note ({@code internal}, action
	 * {@code note}, no sequence and no status: it is not a step and not part of the hash chain).
	 */
	public record TimelineEntryView(Integer sequence, OffsetDateTime at, String action, ReportStatus from,
			ReportStatus to, ActorView actor, String note, String step, OffsetDateTime dueAt, Boolean met,
			boolean internal) {
	}

	public record TrackEntry(String action, String step, OffsetDateTime at) {
	}

	/** What anyone with the code sees: where the report is, never what it says or who sent it. */
	public record TrackView(String trackingCode, ReportStatus status, OffsetDateTime submittedAt,
			OffsetDateTime statusSince, OffsetDateTime dueAt, ClockState clock, List<TrackEntry> history) {
	}

	record InboxItem(String trackingCode, ReportType type, String title, ReportStatus status, String category,
			Channel channel, String jurisdiction, String agency, OffsetDateTime submittedAt,
			OffsetDateTime statusSince, OffsetDateTime dueAt, ClockState clock) {
	}

	public record InboxPage(List<InboxItem> items, String nextCursor) {
	}

}
