package id.go.jambiprov.lapor.report.internal;

import java.util.ArrayList;
import java.util.List;

import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.report.ExternalReports;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.report.internal.ReportRequests.LocationBody;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ReporterBody;
import id.go.jambiprov.lapor.report.internal.ReportViews.Created;

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
	public ChannelReports.Filed file(Submission submission) {
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
		Created created = this.reports.createFromChannel(data, uploads);
		return new ChannelReports.Filed(created.trackingCode(), created.accessKey(), created.submittedAt().toInstant(),
				submission.files().size() - uploads.size());
	}

}
