package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;

import id.go.jambiprov.lapor.report.ReportRedacted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs who changed a report's redaction, when, and how many phrases it hides, in the
 * transaction that saves the report. The log only grows (the database refuses updates and
 * deletes); the report's version lock orders two changes of the same report.
 */
@Component
class RedactionLog {

	private final JdbcClient jdbc;

	RedactionLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ReportRedacted event) {
		this.jdbc.sql("""
				insert into report_redaction (report_id, entry_number, redacted_at, actor_user_id, actor_username, actor_role,
				  phrase_count)
				select ?, coalesce(max(entry_number), 0) + 1, ?, ?, ?, ?, ? from report_redaction where report_id = ?""")
			.params(event.reportId(), Timestamp.from(event.at()), event.actorUserId(), event.actorUsername(),
					event.actorRole().name(), event.phraseCount(), event.reportId())
			.update();
	}

}
