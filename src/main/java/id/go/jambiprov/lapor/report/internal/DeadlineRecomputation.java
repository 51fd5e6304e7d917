package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.sop.CalendarChanged;
import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Transition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a day off is added, changed or removed, the clocks still running are recomputed from
 * the moment their step started, on the new calendar. Finished steps keep the due time and the
 * met/missed recorded in their timeline entries.
 * <p>
 * The due time is derived data, so it is updated in place, guarded by the status and the start
 * of the step: a report that moved on meanwhile keeps the due time its transition computed.
 */
@Component
class DeadlineRecomputation {

	private static final Logger log = LoggerFactory.getLogger(DeadlineRecomputation.class);

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final SopDefinition sop;

	private final Deadlines deadlines;

	DeadlineRecomputation(JdbcTemplate jdbc, SopDefinition sop, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.sop = sop;
		this.deadlines = deadlines;
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		int changed = recomputeOpenDeadlines();
		log.info("Calendar changed on {} by {}: {} running deadlines recomputed", event.day(), event.changedBy(),
				changed);
	}

	private record Clock(UUID id, Instant since, Instant due) {
	}

	int recomputeOpenDeadlines() {
		int changed = 0;
		for (ReportStatus status : ReportStatus.values()) {
			Transition step = this.sop.pendingStep(status).orElse(null);
			if (step == null) {
				continue;
			}
			UUID after = new UUID(0, 0);
			while (true) {
				List<Clock> clocks = this.jdbc.query("""
						select id, status_since, step_due_at from report
						where status = ? and step_due_at is not null and id > ? order by id fetch first ? rows only""",
						(rs, n) -> new Clock(rs.getObject("id", UUID.class), rs.getTimestamp("status_since").toInstant(),
								rs.getTimestamp("step_due_at").toInstant()),
						status.name(), after, BATCH);
				if (clocks.isEmpty()) {
					break;
				}
				List<Object[]> updates = new ArrayList<>();
				for (Clock clock : clocks) {
					Instant due = this.deadlines.dueAt(clock.since(), step.timeStandard());
					if (!due.equals(clock.due())) {
						Instant warn = this.deadlines.warningAt(clock.since(), due);
						updates.add(new Object[] { Timestamp.from(due), Timestamp.from(warn), clock.id(), status.name(),
								Timestamp.from(clock.since()) });
					}
				}
				if (!updates.isEmpty()) {
					for (int count : this.jdbc.batchUpdate(
							"""
							update report set step_due_at = ?, step_warn_at = ?
							where id = ? and status = ? and status_since = ?""", updates)) {
						changed += Math.max(count, 0);
					}
				}
				after = clocks.get(clocks.size() - 1).id();
			}
		}
		return changed;
	}

}
