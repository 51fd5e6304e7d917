package id.go.jambiprov.lapor.report.internal;

import java.util.Optional;
import java.util.UUID;

import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReporterContacts;
import id.go.jambiprov.lapor.report.TrackingCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcReporterContacts implements ReporterContacts {

	private final JdbcClient jdbc;

	private final Directory directory;

	JdbcReporterContacts(JdbcClient jdbc, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@Override
	public Optional<Contact> of(UUID reportId) {
		return this.jdbc.sql("""
				select tracking_code, channel, reporter_handle, reporter_email, reporter_phone, agency from report
				where id = ?""")
			.param(reportId)
			.query((rs, n) -> {
				String agency = rs.getString("agency");
				Channel channel = Channel.valueOf(rs.getString("channel"));
				String handle = rs.getString("reporter_handle");
				if (channel == Channel.NATIONAL) {
					// the national system tells its own reporter (the bridge pushes every step there)
					return new Contact(new TrackingCode(rs.getString("tracking_code")).formatted(), channel, null, null,
							agency == null ? null : this.directory.agency(agency).map(a -> a.name()).orElse(agency));
				}
				if (channel.answersBySms() && handle == null && rs.getString("reporter_phone") != null) {
					// a letter, a visit, a call or a civic app has no channel to answer on: the phone number given gets SMS
					channel = Channel.SMS;
					handle = rs.getString("reporter_phone");
				}
				return new Contact(new TrackingCode(rs.getString("tracking_code")).formatted(), channel, handle,
						rs.getString("reporter_email"),
						agency == null ? null : this.directory.agency(agency).map(a -> a.name()).orElse(agency));
			})
			.optional();
	}

}
