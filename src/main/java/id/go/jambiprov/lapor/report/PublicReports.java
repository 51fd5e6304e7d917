package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * Reports as anyone may read them through an open interface (Open311): never the reporter, never
 * a confidential report, the texts as the agency reads them (the coordinator's redactions
 * applied), and the texts only once the coordinator verified the report.
 */
public interface PublicReports {

	/**
	 * One report.
	 *
	 * @param verified whether the coordinator verified it (step 4); before, it has no texts
	 * @param description the title and the chronology; null until verified
	 * @param agencyName the agency it was dispositioned to, if any
	 * @param updatedAt when its status last changed
	 * @param expectedAt when the answer is due (the resolution standard), once it runs
	 * @param imageId the first photo filed with the report, once verified
	 */
	record PublicReport(String trackingCode, ReportStatus status, @Nullable String category, boolean verified,
			@Nullable String description, @Nullable String agencyName, Instant requestedAt, Instant updatedAt,
			@Nullable Instant expectedAt, @Nullable String address, @Nullable Double latitude,
			@Nullable Double longitude, @Nullable UUID imageId) {
	}

	/**
	 * @param categories none: every category
	 * @param from filed at or after
	 * @param to filed before
	 * @param closed true: only closed and archived reports; false: only the others; null: both
	 */
	record Filter(String jurisdiction, List<String> categories, Instant from, Instant to, @Nullable Boolean closed,
			int limit) {
	}

	/** Verified, non-confidential reports of the jurisdiction, newest first. */
	List<PublicReport> verified(Filter filter);

	/** The reports with these tracking codes (any form), confidential ones and unknown codes left out. */
	List<PublicReport> byCodes(List<String> trackingCodes);

	/** A photo, cleaned as stored. */
	record Image(String contentType, byte[] content) {
	}

	/** A photo filed with a verified, non-confidential report. */
	Optional<Image> image(String trackingCode, UUID imageId);

}
