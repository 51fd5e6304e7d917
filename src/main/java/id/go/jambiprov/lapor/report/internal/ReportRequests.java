package id.go.jambiprov.lapor.report.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;

/**
 * The JSON bodies the report API reads. Every field is optional to the parser; the rules are
 * checked in one place ({@link ReportValidator}) so that a caller learns every broken rule at
 * once.
 */
public final class ReportRequests {

	private ReportRequests() {
	}

	public record CreateReport(ReportType type, String title, String description, String category, LocalDate occurredOn,
			LocationBody location, Boolean anonymous, Boolean confidential, ReporterBody reporter, Channel channel,
			OffsetDateTime receivedAt, String accusedAgency) {
	}

	public record LocationBody(String address, String regency, Double latitude, Double longitude) {
	}

	public record ReporterBody(String name, String email, String phone, String identityNumber) {
	}

	/**
	 * What to hide from the agency in a report's texts: every phrase, each as it occurs in the
	 * report (case does not matter). Replaces what was hidden before; none: nothing is hidden.
	 */
	public record RedactionBody(List<String> phrases) {
	}

	/** The body of any action; each action reads the fields it needs (see the SOP table). */
	public record ActionBody(String jurisdiction, String agency, String note, String reason, String answer, String message,
			Integer rating, String comment, Boolean anonymous, Boolean confidential, String main) {

		static final ActionBody EMPTY = new ActionBody(null, null, null, null, null, null, null, null, null, null, null);

		public ActionBody(String jurisdiction, String agency, String note, String reason, String answer,
				String message, Integer rating, String comment, Boolean anonymous, Boolean confidential) {
			this(jurisdiction, agency, note, reason, answer, message, rating, comment, anonymous, confidential, null);
		}

		public String field(String name) {
			return switch (name) {
				case "jurisdiction" -> this.jurisdiction;
				case "agency" -> this.agency;
				case "main" -> this.main;
				case "note" -> this.note;
				case "reason" -> this.reason;
				case "answer" -> this.answer;
				case "message" -> this.message;
				case "comment" -> this.comment;
				case "rating" -> this.rating == null ? null : this.rating.toString();
				default -> null;
			};
		}

	}

}
