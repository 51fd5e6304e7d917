package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reports filed through a facade of ours that speaks another system's language (a civic app on
 * Open311): the facade has checked who may call it; the report module checks the report by the
 * same rules as the form (the contact rule, known categories, regencies and agencies, sensitive
 * categories confidential by force).
 */
public interface ExternalReports {

	/**
	 * A report as the facade received it.
	 *
	 * @param channel the facade's channel
	 * @param type complaint, aspiration or information request
	 * @param title the title; none: the first line of the description
	 * @param files photos and documents (cleaned like any upload; unreadable ones are not kept)
	 */
	record Submission(Channel channel, ReportType type, @Nullable String title, @Nullable String description,
			@Nullable String category, @Nullable String address, @Nullable String regency, @Nullable Double latitude,
			@Nullable Double longitude, @Nullable LocalDate occurredOn, boolean anonymous, boolean confidential,
			@Nullable String accusedAgency, @Nullable String name, @Nullable String email, @Nullable String phone,
			List<ChannelReports.File> files) {
	}

	/**
	 * The report filed, its access key (for the reporter only), how many files were not kept,
	 * and whether it is the report an earlier try with the same idempotency key filed.
	 */
	record Filed(String trackingCode, String accessKey, Instant submittedAt, int refusedFiles, boolean repeated) {
	}

	/**
	 * Stores the report, its first timeline entry and its files in one transaction (joining the
	 * caller's, if any).
	 * @param idempotencyKey the caller's key of this submission, namespaced by the facade; a second
	 *        submission with the same key and content answers the first report, with other content
	 *        it is refused (409)
	 * @throws id.go.jambiprov.lapor.web.InvalidInputException naming every field that breaks a rule
	 */
	Filed file(Submission submission, @Nullable String idempotencyKey);

}
