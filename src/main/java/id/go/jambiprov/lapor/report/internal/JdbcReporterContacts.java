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
				select tracking_code, channel, reporter_handle, reporter_email, agency from report where id = ?""")
			.param(reportId)
			.query((rs, n) -> {
				String agency = rs.getString("agency");
				return new Contact(new TrackingCode(rs.getString("tracking_code")).formatted(),
						Channel.valueOf(rs.getString("channel")), rs.getString("reporter_handle"),
						rs.getString("reporter_email"),
						agency == null ? null : this.directory.agency(agency).map(a -> a.name()).orElse(agency));
			})
			.optional();
	}

}
