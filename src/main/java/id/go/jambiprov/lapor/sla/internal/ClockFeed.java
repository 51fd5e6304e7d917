package id.go.jambiprov.lapor.sla.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import id.go.jambiprov.lapor.report.DeadlinesRecomputed;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one clock row per report for the step that runs now, with the due and warning times the
 * report computed (the report module owns deadline arithmetic). Fed after each transition
 * commits (through Spring Modulith's publication registry, so a crash delays it, never loses
 * it); a late or repeated event for an older step changes nothing.
 */
@Component
class ClockFeed {

	private final JdbcClient jdbc;

	private final SopDefinition sop;

	ClockFeed(JdbcClient jdbc, SopDefinition sop) {
		this.jdbc = jdbc;
		this.sop = sop;
	}

	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		if (event.action() == Action.OMBUDSMAN_REQUEST || event.action() == Action.OMBUDSMAN_HANDOVER) {
			return; // an entry of the timeline, not a step: every clock runs on as it was
		}
		resolution(event);
		TimeStandard standard = this.sop.pendingStep(event.to()).map(t -> t.timeStandard()).orElse(null);
		Instant due = event.nextDueAt();
		// an event stored before it carried the warning time (V26) gives the breach only
		Instant warn = event.nextWarnAt() != null ? event.nextWarnAt() : due;
		Object[] values = { event.trackingCode().value(), event.sequence(), event.to().name(), event.jurisdiction(),
				event.agency(), Timestamp.from(event.at()), standard == null ? null : standard.amount(),
				standard == null ? null : standard.unit().name(), timestamp(warn), timestamp(due), timestamp(warn),
				event.reportId() };
		// Events of one report may be handled side by side: only a newer step replaces an older one,
		// and of two first inserts one wins (the other waits for it, then updates if it is newer).
		if (update(values, event) == 1) {
			return;
		}
		int inserted = this.jdbc.sql("""
				insert into sla_clock (tracking_code, step_sequence, status, jurisdiction, agency, started_at,
				  standard_amount, standard_unit, warn_at, due_at, next_signal_at, signal, report_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', ?)
				on conflict do nothing""").params(values).update();
		if (inserted == 0) {
			update(values, event);
		}
	}

	private int update(Object[] values, ReportTransitioned event) {
		Object[] guarded = Arrays.copyOf(values, values.length + 1);
		guarded[values.length] = event.sequence();
		return this.jdbc.sql("""
				update sla_clock set tracking_code = ?, step_sequence = ?, status = ?, jurisdiction = ?, agency = ?,
				  started_at = ?, standard_amount = ?, standard_unit = ?, warn_at = ?, due_at = ?, next_signal_at = ?,
				  signal = 'NONE'
				where report_id = ? and step_sequence < ?""").params(guarded).update();
	}

	/** The resolution clock starts at the first disposition and stops at the first answer. */
	private void resolution(ReportTransitioned event) {
		if (event.resolutionDueAt() != null && event.action() == Action.DISPOSE) {
			int inserted = this.jdbc.sql("""
					insert into sla_resolution (report_id, tracking_code, jurisdiction, agency, due_at)
					values (?, ?, ?, ?, ?)
					on conflict do nothing""")
				.params(event.reportId(), event.trackingCode().value(), event.jurisdiction(), event.agency(),
						Timestamp.from(event.resolutionDueAt()))
				.update();
			if (inserted == 0) {
				this.jdbc.sql("update sla_resolution set agency = ? where report_id = ?")
					.params(event.agency(), event.reportId())
					.update();
			}
		}
		if (event.action() == Action.HAND_OVER) {
			this.jdbc.sql("update sla_resolution set agency = ? where report_id = ?")
				.params(event.agency(), event.reportId())
				.update();
		}
		if (event.action() == Action.ANSWER) {
			this.jdbc.sql("update sla_resolution set answered_at = ? where report_id = ? and answered_at is null")
				.params(Timestamp.from(event.at()), event.reportId())
				.update();
		}
	}

	/**
	 * The report computed its deadlines again on a changed calendar (it owns that arithmetic):
	 * the running step's clock and the resolution clock follow; a step or an answer already
	 * breached stays breached, and a clock that moved on to a later step is left alone.
	 */
	@ApplicationModuleListener
	void on(DeadlinesRecomputed event) {
		if (event.stepDueAt() != null) {
			Timestamp due = Timestamp.from(event.stepDueAt());
			Timestamp warn = timestamp(event.stepWarnAt());
			this.jdbc.sql("""
					update sla_clock set due_at = ?, warn_at = ?,
					  next_signal_at = case when signal = 'APPROACHING' then cast(? as timestamp with time zone)
					    else cast(? as timestamp with time zone) end
					where report_id = ? and step_sequence = ? and signal <> 'BREACHED'""")
				.params(due, warn, due, warn, event.reportId(), event.stepSequence())
				.update();
		}
		if (event.resolutionDueAt() != null) {
			this.jdbc.sql("""
					update sla_resolution set due_at = ?
					where report_id = ? and answered_at is null and breached_at is null""")
				.params(Timestamp.from(event.resolutionDueAt()), event.reportId())
				.update();
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
