package id.go.jambiprov.lapor.report.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.report.EmailAddress;
import id.go.jambiprov.lapor.report.NationalReports;
import id.go.jambiprov.lapor.report.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report module's side of the national bridge. What comes from the national system is taken
 * as it is, leniently: it was filed there already and must never be lost here.
 */
@Service
class NationalReportService implements NationalReports {

	private final ReportService reports;

	private final ReportRepository repository;

	private final ChannelReportService channelReports;

	private final Directory directory;

	private final JdbcClient jdbc;

	NationalReportService(ReportService reports, ReportRepository repository, ChannelReportService channelReports,
			Directory directory, JdbcClient jdbc) {
		this.reports = reports;
		this.repository = repository;
		this.channelReports = channelReports;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	public String importForwarded(Incoming incoming) {
		String description = incoming.description() == null || incoming.description().isBlank() ? incoming.title()
				: incoming.description().strip();
		String title = incoming.title() == null || incoming.title().isBlank()
				? ChannelReportService.title(description == null ? "-" : description) : cut(incoming.title().strip(),
						ReportValidator.TITLE_MAX);
		String category = incoming.category() == null ? null
				: this.directory.category(incoming.category()).filter(Category::active).map(Category::code).orElse(null);
		Location location = incoming.address() == null && incoming.latitude() == null ? null
				: new Location(cut(incoming.address(), 500), null,
						incoming.latitude() == null || incoming.longitude() == null ? null : incoming.latitude(),
						incoming.latitude() == null || incoming.longitude() == null ? null : incoming.longitude());
		Reporter reporter = new Reporter(cut(blankToNull(incoming.name()), 200),
				EmailAddress.parse(incoming.email()).map(EmailAddress::value).orElse(null),
				PhoneNumber.parse(incoming.phone()).map(PhoneNumber::e164).orElse(null), null, null);
		NewReport data = new NewReport(incoming.type(), title,
				cut(description == null ? title : description, ReportValidator.DESCRIPTION_MAX), null, location,
				category, Channel.NATIONAL, incoming.anonymous(), incoming.confidential(), reporter, null);
		return this.reports.importNational(data, incoming.nationalTrackingId(), incoming.jurisdiction(),
				incoming.submittedAt(), incoming.forwardedAt());
	}

	@Override
	public Optional<Outgoing> outgoing(UUID reportId) {
		return this.repository.findById(reportId).map(report -> {
			Location l = report.location();
			Reporter r = report.reporter();
			return new Outgoing(report.trackingCode().formatted(), report.type(), report.title(), report.description(),
					report.category(), l == null ? null : join(l.address(), l.regency()), l == null ? null : l.latitude(),
					l == null ? null : l.longitude(), report.anonymous(), report.confidential(),
					r == null ? null : r.name(), r == null ? null : r.email(), r == null ? null : r.phone(),
					report.submittedAt(), report.channel(), report.nationalTrackingId());
		});
	}

	@Override
	public Optional<String> trackingCodeOf(String nationalTrackingId) {
		return this.reports.byNationalTrackingId(nationalTrackingId);
	}

	@Override
	public Optional<String> nationalTrackingId(UUID reportId) {
		return this.jdbc.sql("select national_tracking_id from report where id = ? and national_tracking_id is not null")
			.param(reportId)
			.query(String.class)
			.optional();
	}

	@Override
	public void recordNationalTrackingId(UUID reportId, String nationalTrackingId) {
		this.jdbc.sql("update report set national_tracking_id = ? where id = ? and national_tracking_id is null")
			.params(nationalTrackingId, reportId)
			.update();
	}

	@Override
	@Transactional
	public Optional<ChannelReports.FollowUp> reply(String nationalTrackingId, String text) {
		return this.reports.byNationalTrackingId(nationalTrackingId)
			.flatMap(code -> this.repository.findByTrackingCode(code.replace("-", "")))
			.map(report -> this.channelReports.followUp(report, text, List.of()));
	}

	private static String join(String address, String regency) {
		if (address == null) {
			return regency;
		}
		return regency == null ? address : address + ", " + regency;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String cut(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max - 1) + "…";
	}

}
