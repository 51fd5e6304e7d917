package id.go.jambiprov.lapor.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import id.go.jambiprov.lapor.sla.DeadlineApproaching;
import id.go.jambiprov.lapor.sla.DeadlineBreached;
import id.go.jambiprov.lapor.sla.ResolutionBreached;
import id.go.jambiprov.lapor.sla.Sweeper;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the clocks whose next signal is due and gives it, exactly once per step and kind: the
 * update that moves a clock to its next signal only succeeds for the one sweep (of any instance)
 * that still sees it where it was, and the signal and its event commit with that update.
 * A clock found past both its warning and its deadline (the service was down) gets only the
 * breach.
 */
@Component
class ClockSweep implements Sweeper {

	static final int BATCH = 500;

	private record Due(UUID reportId, String trackingCode, int step, ReportStatus status, String jurisdiction,
			String agency, Instant dueAt, Instant nextSignalAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Timer duration;

	ClockSweep(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, PlatformTransactionManager manager,
			MeterRegistry metrics) {
		this.duration = Timer.builder("lapor.sla.sweep").description("How long a clock sweep takes").register(metrics);
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.transactions = new TransactionTemplate(manager);
	}

	/**
	 * Sweeps until nothing is due; answers how many signals this sweep gave. Clocks are taken in
	 * one total order (due time, then report), so two sweeps never wait on each other in a cycle.
	 */
	@Override
	public int sweep() {
		return this.duration.record(this::sweepAll);
	}

	private int sweepAll() {
		int total = 0;
		int conflicts = 0;
		while (true) {
			Integer given;
			try {
				given = this.transactions.execute(status -> sweepBatch() + sweepResolutions());
			}
			catch (PessimisticLockingFailureException contended) {
				// another instance held the same clocks; what it gave is no longer due here
				if (++conflicts > 3) {
					throw contended;
				}
				continue;
			}
			total += given;
			if (given == 0) {
				return total;
			}
		}
	}

	private record Resolution(UUID reportId, String trackingCode, String jurisdiction, String agency, Instant dueAt) {
	}

	private int sweepResolutions() {
		Instant now = this.clock.instant();
		List<Resolution> due = this.jdbc.sql("""
				select report_id, tracking_code, jurisdiction, agency, due_at from sla_resolution
				where due_at <= ? and answered_at is null and breached_at is null
				order by due_at, report_id fetch first ? rows only""")
			.params(Timestamp.from(now), BATCH)
			.query((rs, n) -> new Resolution(rs.getObject("report_id", UUID.class), rs.getString("tracking_code"),
					rs.getString("jurisdiction"), rs.getString("agency"), rs.getTimestamp("due_at").toInstant()))
			.list();
		int given = 0;
		for (Resolution resolution : due) {
			int moved = this.jdbc.sql("""
					update sla_resolution set breached_at = ?
					where report_id = ? and answered_at is null and breached_at is null""")
				.params(Timestamp.from(now), resolution.reportId())
				.update();
			if (moved == 1) {
				this.events.publishEvent(new ResolutionBreached(resolution.reportId(), resolution.trackingCode(),
						resolution.jurisdiction(), resolution.agency(), resolution.dueAt()));
				given++;
			}
		}
		return given;
	}

	private int sweepBatch() {
		Instant now = this.clock.instant();
		List<Due> due = this.jdbc.sql("""
				select report_id, tracking_code, step_sequence, status, jurisdiction, agency, due_at, next_signal_at
				from sla_clock where next_signal_at <= ? order by next_signal_at, report_id fetch first ? rows only""")
			.params(Timestamp.from(now), BATCH)
			.query((rs, n) -> new Due(rs.getObject("report_id", UUID.class), rs.getString("tracking_code"),
					rs.getInt("step_sequence"), ReportStatus.valueOf(rs.getString("status")),
					rs.getString("jurisdiction"), rs.getString("agency"), rs.getTimestamp("due_at").toInstant(),
					rs.getTimestamp("next_signal_at").toInstant()))
			.list();
		int given = 0;
		for (Due clock : due) {
			boolean breached = !now.isBefore(clock.dueAt());
			int moved = this.jdbc.sql("""
					update sla_clock set signal = ?, next_signal_at = ?
					where report_id = ? and step_sequence = ? and next_signal_at = ?""")
				.params(breached ? "BREACHED" : "APPROACHING", breached ? null : Timestamp.from(clock.dueAt()),
						clock.reportId(), clock.step(), Timestamp.from(clock.nextSignalAt()))
				.update();
			if (moved != 1) {
				continue; // another sweep gave it
			}
			this.jdbc.sql("""
					insert into sla_signal (report_id, step_sequence, kind, status, due_at, signalled_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(clock.reportId(), clock.step(), breached ? "BREACHED" : "APPROACHING", clock.status().name(),
						Timestamp.from(clock.dueAt()), Timestamp.from(now))
				.update();
			this.events.publishEvent(breached
					? new DeadlineBreached(clock.reportId(), clock.trackingCode(), clock.step(), clock.status(),
							clock.jurisdiction(), clock.agency(), clock.dueAt())
					: new DeadlineApproaching(clock.reportId(), clock.trackingCode(), clock.step(), clock.status(),
							clock.jurisdiction(), clock.agency(), clock.dueAt()));
			given++;
		}
		return given;
	}

}
