package id.go.jambiprov.lapor.report.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.report.EmailAddress;
import id.go.jambiprov.lapor.report.PhoneNumber;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;
import id.go.jambiprov.lapor.report.internal.ReportViews.Created;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports from messaging channels. A message has no form, so its rules are the channel's: the
 * first line is the title, the whole text the chronology, the sender's handle the contact (and,
 * on SMS and WhatsApp, their phone number; on e-mail, their address).
 */
@Service
class ChannelReportService implements ChannelReports {

	private final ReportService reports;

	private final ReportRepository repository;

	private final JdbcClient jdbc;

	private final Clock clock;

	ChannelReportService(ReportService reports, ReportRepository repository, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.reports = reports;
		this.repository = repository;
		this.jdbc = jdbc;
	}

	@Override
	public Filed file(Incoming message) {
		String text = message.text() == null ? "" : message.text().strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("A report needs text");
		}
		String handle = message.handle();
		String phone = message.channel() == Channel.SMS || message.channel() == Channel.WHATSAPP
				? PhoneNumber.parse(handle).map(PhoneNumber::e164).orElse(null) : null;
		String email = message.channel() == Channel.EMAIL ? EmailAddress.parse(handle).map(Object::toString).orElse(null)
				: null;
		String name = message.senderName() == null || message.senderName().isBlank() ? null
				: cut(message.senderName().strip(), 200);
		Location location = message.latitude() == null || message.longitude() == null ? null
				: new Location(null, null, message.latitude(), message.longitude());
		NewReport data = new NewReport(ReportType.COMPLAINT, title(text), cut(text, ReportValidator.DESCRIPTION_MAX),
				null, location, null, message.channel(), false, false,
				new Reporter(name, email, phone, null, null, cut(handle, 200)), message.sentAt());
		List<Upload> uploads = uploads(message.files());
		Created created = this.reports.createFromChannel(data, uploads);
		int given = message.files() == null ? 0 : message.files().size();
		return new Filed(created.trackingCode(), created.accessKey(), created.submittedAt().toInstant(),
				Math.max(0, given - uploads.size()));
	}

	@Override
	public Optional<Mine> latest(Channel channel, String handle) {
		return this.jdbc.sql("""
				select tracking_code, status, submitted_at, step_due_at from report
				where channel = ? and reporter_handle = ? order by submitted_at desc fetch first 1 rows only""")
			.params(channel.name(), handle)
			.query((rs, n) -> new Mine(new TrackingCode(rs.getString("tracking_code")).formatted(),
					ReportStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
					rs.getTimestamp("step_due_at") == null ? null : rs.getTimestamp("step_due_at").toInstant()))
			.optional();
	}

	@Override
	public Optional<Mine> status(String trackingCode, Channel channel, String handle) {
		return find(trackingCode).filter(report -> !report.confidential() || isOwn(report, channel, handle))
			.map(ChannelReportService::mine);
	}

	@Override
	@Transactional
	public Optional<FollowUp> followUp(String trackingCode, Channel channel, String handle, String text,
			List<File> files) {
		Optional<Report> found = find(trackingCode).filter(report -> isOwn(report, channel, handle));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(followUp(found.get(), text, files));
	}

	/** The reporter's follow-up of a report of theirs, found by the caller. */
	FollowUp followUp(Report report, String text, List<File> files) {
		List<Upload> uploads = uploads(files);
		if (report.status() == ReportStatus.ON_HOLD) {
			this.reports.actAsChannelReporter(report, Action.RESUME, message(text), uploads);
			return FollowUp.RESUMED;
		}
		if (report.status() == ReportStatus.ANSWERED) {
			this.reports.actAsChannelReporter(report, Action.REPLY, message(text), uploads);
			return FollowUp.REPLIED;
		}
		if (!report.supplement(text, ReportValidator.DESCRIPTION_MAX)) {
			return FollowUp.REFUSED;
		}
		this.repository.save(report);
		this.reports.storeFiles(report, uploads);
		return FollowUp.ADDED;
	}

	@Override
	@Transactional
	public Optional<ChannelReports.Rating> rate(String trackingCode, Channel channel, String handle, int rating) {
		Optional<Report> found = trackingCode == null
				? latest(channel, handle).flatMap(mine -> find(mine.trackingCode()))
				: find(trackingCode);
		found = found.filter(report -> isOwn(report, channel, handle));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Report report = found.get();
		if (report.status() != ReportStatus.CLOSED) {
			return Optional.of(ChannelReports.Rating.NOT_CLOSED);
		}
		if (!report.rateAfterClosing(rating, this.clock.instant())) {
			return Optional.of(ChannelReports.Rating.ALREADY_RATED);
		}
		this.repository.save(report);
		return Optional.of(ChannelReports.Rating.RATED);
	}

	private Optional<Report> find(String trackingCode) {
		return TrackingCode.parse(trackingCode).flatMap(code -> this.repository.findByTrackingCode(code.value()));
	}

	private static boolean isOwn(Report report, Channel channel, String handle) {
		return report.channel() == channel && report.reporter() != null && handle != null
				&& handle.equals(report.reporter().handle());
	}

	private static Mine mine(Report report) {
		return new Mine(report.trackingCode().formatted(), report.status(), report.submittedAt(), report.stepDueAt());
	}

	private static ActionBody message(String text) {
		return new ActionBody(null, null, null, null, null, cut(text.strip(), ReportValidator.DESCRIPTION_MAX), null,
				null, null, null);
	}

	private static List<Upload> uploads(List<File> files) {
		List<Upload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (File file : files) {
			if (uploads.size() >= Attachments.MAX_FILES || file.content().length > Attachments.MAX_BYTES) {
				continue;
			}
			Attachments.clean(Attachments.safeName(file.fileName()), file.content()).ifPresent(uploads::add);
		}
		return uploads;
	}

	/** The first line, shortened to fit a title. */
	static String title(String text) {
		String first = text.strip().lines().findFirst().orElse("").strip();
		return cut(first, ReportValidator.TITLE_MAX);
	}

	private static String cut(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max - 1) + "…";
	}

}
