package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.go.jambiprov.lapor.report.ReportTransitioned;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends the timeline entry of a transition in the transaction that saves the report: the
 * entry and the new status commit together or not at all. The table only ever grows; the
 * database refuses updates and deletes of its rows; and every entry is chained to the one before
 * by its hash ({@link TimelineChain}), so that a change made around the database's refusal shows.
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
		// the report's row is locked by its save: no other entry of it is written meanwhile
		String previous = event.sequence() == 1 ? TimelineChain.GENESIS
				: this.jdbc.sql("select entry_hash from timeline_entry where report_id = ? and entry_number = ?")
					.params(event.reportId(), event.sequence() - 1)
					.query(String.class)
					.optional()
					.orElse(TimelineChain.GENESIS);
		// times as they are stored (microseconds), so that the hash reads back the same
		Instant at = stored(event.at());
		Instant due = event.dueAt() == null ? null : stored(event.dueAt());
		String hash = TimelineChain.hash(previous,
				new TimelineChain.Entry(event.reportId(), event.sequence(), at, event.action().path(),
						event.from() == null ? null : event.from().name(), event.to().name(), event.actorUserId(),
						event.actorUsername(), event.actorRole().name(), event.note(), event.step(), due, event.met(),
						event.workingSeconds(), event.jurisdiction(), event.agency()));
		this.jdbc.sql("""
				insert into timeline_entry (report_id, entry_number, occurred_at, action, from_status, to_status, actor_user_id,
				  actor_username, actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency, entry_hash)
				values (:report, :sequence, :at, :action, :from, :to, :userId, :username, :role, :note, :step, :due, :met,
				  :workingSeconds, :jurisdiction, :agency, :hash)""")
			.param("report", event.reportId())
			.param("sequence", event.sequence())
			.param("at", Timestamp.from(at))
			.param("action", event.action().path())
			.param("from", event.from() == null ? null : event.from().name())
			.param("to", event.to().name())
			.param("userId", event.actorUserId())
			.param("username", event.actorUsername())
			.param("role", event.actorRole().name())
			.param("note", event.note())
			.param("step", event.step())
			.param("due", due == null ? null : Timestamp.from(due))
			.param("met", event.met())
			.param("workingSeconds", event.workingSeconds())
			.param("jurisdiction", event.jurisdiction())
			.param("agency", event.agency())
			.param("hash", hash)
			.update();
	}

	private static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

}
