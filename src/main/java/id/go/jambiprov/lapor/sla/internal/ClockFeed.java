package id.go.jambiprov.lapor.sla.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.CalendarChanged;
import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one clock row per report for the step that runs now. Fed after each transition commits
 * (through Spring Modulith's publication registry, so a crash delays it, never loses it); a late
 * or repeated event for an older step changes nothing.
 */
@Component
class ClockFeed {

	private final JdbcClient jdbc;

	private final SopDefinition sop;

	private final Deadlines deadlines;

	ClockFeed(JdbcClient jdbc, SopDefinition sop, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.sop = sop;
		this.deadlines = deadlines;
	}

	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		resolution(event);
		TimeStandard standard = this.sop.pendingStep(event.to()).map(t -> t.timeStandard()).orElse(null);
		Instant due = event.nextDueAt();
		Instant warn = due == null ? null : this.deadlines.warningAt(event.at(), due);
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
		if (event.action() == Action.ANSWER) {
			this.jdbc.sql("update sla_resolution set answered_at = ? where report_id = ? and answered_at is null")
				.params(Timestamp.from(event.at()), event.reportId())
				.update();
		}
	}

	/** Running clocks follow a changed calendar; a step already breached stays breached. */
	@ApplicationModuleListener
	void on(CalendarChanged event) {
		record Running(UUID reportId, Instant startedAt, int amount, String unit, String signal) {
		}
		var running = this.jdbc.sql("""
				select report_id, started_at, standard_amount, standard_unit, signal from sla_clock
				where due_at is not null and signal <> 'BREACHED'""")
			.query((rs, n) -> new Running(rs.getObject("report_id", UUID.class), rs.getTimestamp("started_at").toInstant(),
					rs.getInt("standard_amount"), rs.getString("standard_unit"), rs.getString("signal")))
			.list();
		for (Running clock : running) {
			Instant due = this.deadlines.dueAt(clock.startedAt(),
					new TimeStandard(clock.amount(), TimeUnit.valueOf(clock.unit())));
			Instant warn = this.deadlines.warningAt(clock.startedAt(), due);
			Instant next = "APPROACHING".equals(clock.signal()) ? due : warn;
			this.jdbc.sql("""
					update sla_clock set due_at = ?, warn_at = ?, next_signal_at = ?
					where report_id = ? and started_at = ? and signal = ?""")
				.params(Timestamp.from(due), Timestamp.from(warn), Timestamp.from(next), clock.reportId(),
						Timestamp.from(clock.startedAt()), clock.signal())
				.update();
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
