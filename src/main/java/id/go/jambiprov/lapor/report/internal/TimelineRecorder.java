package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;

import id.go.jambiprov.lapor.report.ReportTransitioned;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends the timeline entry of a transition in the transaction that saves the report: the
 * entry and the new status commit together or not at all. The table only ever grows; the
 * database refuses updates and deletes of its rows.
 */
@Component
class TimelineRecorder {

	private final JdbcClient jdbc;

	TimelineRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ReportTransitioned event) {
		this.jdbc.sql("""
				insert into timeline_entry (report_id, entry_number, occurred_at, action, from_status, to_status, actor_user_id,
				  actor_username, actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency)
				values (:report, :sequence, :at, :action, :from, :to, :userId, :username, :role, :note, :step, :due, :met,
				  :workingSeconds, :jurisdiction, :agency)""")
			.param("report", event.reportId())
			.param("sequence", event.sequence())
			.param("at", Timestamp.from(event.at()))
			.param("action", event.action().path())
			.param("from", event.from() == null ? null : event.from().name())
			.param("to", event.to().name())
			.param("userId", event.actorUserId())
			.param("username", event.actorUsername())
			.param("role", event.actorRole().name())
			.param("note", event.note())
			.param("step", event.step())
			.param("due", event.dueAt() == null ? null : Timestamp.from(event.dueAt()))
			.param("met", event.met())
			.param("workingSeconds", event.workingSeconds())
			.param("jurisdiction", event.jurisdiction())
			.param("agency", event.agency())
			.update();
	}

}
