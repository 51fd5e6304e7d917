package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static id.go.jambiprov.lapor.report.internal.ReportViews.jakarta;

/**
 * The record of every look at a protected reporter: each time an officer is shown the identity
 * of the reporter of an anonymous or confidential report, through a page, the API or an export,
 * a row is appended (the database refuses to change or delete one) and a security log line is
 * written, naming the officer and the report, never the reporter.
 */
@Component
public class IdentityAccessLog {

	private static final Logger log = LoggerFactory.getLogger("security");

	/** Through what the identity was shown. */
	public enum Via {
		PAGE, API, EXPORT
	}

	/** One look, as the national admin and the coordinator read it. */
	public record Entry(OffsetDateTime at, String username, Role role, Via via) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	IdentityAccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether showing this report's reporter to the actor is a look that must be recorded. */
	static boolean protectedLook(Report report, Actor actor) {
		return actor.role().isOfficer() && (report.anonymous() || report.confidential());
	}

	/** Records that the actor was shown the reporter of the report. */
	void record(Report report, Actor actor, Via via) {
		this.jdbc.sql("""
				insert into identity_access (report_id, accessed_at, user_id, username, role, via)
				values (?, ?, ?, ?, ?, ?)""")
			.params(report.id(), Timestamp.from(this.clock.instant()), actor.userId(),
					actor.username() == null ? "-" : actor.username(), actor.role().name(), via.name())
			.update();
		log.info("event=identity-shown report={} user={} role={} via={}", report.trackingCode().formatted(),
				actor.username(), actor.role(), via);
	}

	/** Every look at the report's reporter, newest first. */
	List<Entry> of(UUID reportId) {
		return this.jdbc.sql("""
				select accessed_at, username, role, via from identity_access where report_id = ?
				order by accessed_at desc, id desc""")
			.param(reportId)
			.query((rs, n) -> new Entry(jakarta(rs.getTimestamp("accessed_at").toInstant()), rs.getString("username"),
					Role.valueOf(rs.getString("role")), Via.valueOf(rs.getString("via"))))
			.list();
	}

}
