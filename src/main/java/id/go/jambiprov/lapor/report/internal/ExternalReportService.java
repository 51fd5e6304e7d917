package id.go.jambiprov.lapor.report.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.report.ExternalReports;
import id.go.jambiprov.lapor.shared.Hashes;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.report.internal.ReportRequests.LocationBody;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ReporterBody;
import id.go.jambiprov.lapor.report.internal.ReportViews.Created;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Files what a facade received, through the same rules and the same store as the form.
 */
@Service
class ExternalReportService implements ExternalReports {

	private final ReportValidator validator;

	private final ReportService reports;

	ExternalReportService(ReportValidator validator, ReportService reports) {
		this.validator = validator;
		this.reports = reports;
	}

	@Override
	public Filed file(Submission submission, @Nullable String idempotencyKey) {
		String requestHash = idempotencyKey == null ? null : requestHash(submission);
		if (idempotencyKey != null) {
			Optional<Created> earlier;
			try {
				earlier = this.reports.replay(idempotencyKey, requestHash);
			}
			catch (ReportRefusal.IdempotencyKeyReused reused) {
				throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
						"problem.idempotency-key-reused");
			}
			if (earlier.isPresent()) {
				Created first = earlier.get();
				return new Filed(first.trackingCode(), first.accessKey(), first.submittedAt().toInstant(), 0, true);
			}
		}
		String description = submission.description() == null ? null : submission.description().strip();
		String title = submission.title() != null && !submission.title().isBlank() ? submission.title()
				: description == null ? null : ChannelReportService.title(description);
		boolean located = submission.address() != null || submission.regency() != null
				|| submission.latitude() != null || submission.longitude() != null;
		CreateReport body = new CreateReport(submission.type(), title, description, submission.category(),
				submission.occurredOn(),
				located ? new LocationBody(submission.address(), submission.regency(), submission.latitude(),
						submission.longitude()) : null,
				submission.anonymous(), submission.confidential(),
				new ReporterBody(submission.name(), submission.email(), submission.phone(), null), null, null,
				submission.accusedAgency());
		NewReport data = this.validator.validateFrom(submission.channel(), body);
		List<Upload> uploads = new ArrayList<>();
		for (ChannelReports.File file : submission.files()) {
			if (uploads.size() < Attachments.MAX_FILES && file.content().length <= Attachments.MAX_BYTES) {
				Attachments.clean(Attachments.safeName(file.fileName()), file.content()).ifPresent(uploads::add);
			}
		}
		Created created = this.reports.createFromFacade(data, idempotencyKey, requestHash, uploads);
		return new Filed(created.trackingCode(), created.accessKey(), created.submittedAt().toInstant(),
				submission.files().size() - uploads.size(), false);
	}

	/** What the submission says, files by their digest: the same retry hashes the same. */
	private static String requestHash(Submission s) {
		StringBuilder all = new StringBuilder();
		for (Object part : new Object[] { s.channel(), s.type(), s.title(), s.description(), s.category(), s.address(),
				s.regency(), s.latitude(), s.longitude(), s.occurredOn(), s.anonymous(), s.confidential(),
				s.accusedAgency(), s.name(), s.email(), s.phone() }) {
			all.append(part == null ? "\u0000" : part.toString()).append('\u001f');
		}
		for (ChannelReports.File file : s.files()) {
			all.append(Hashes.sha256Hex(file.fileName())).append(':')
				.append(HexFormat.of().formatHex(Hashes.sha256(file.content())))
				.append('\u001f');
		}
		return Hashes.sha256Hex(all.toString());
	}

}
