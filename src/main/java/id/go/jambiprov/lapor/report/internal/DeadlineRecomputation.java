package id.go.jambiprov.lapor.report.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.sop.CalendarChanged;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a day off is added, changed or removed, every report with a deadline still running
 * computes it again ({@link Report#recomputeDeadlines}): the step's due and warning times, the
 * system's timeout and the reporter's reminder, the resolution deadline. The report is the one
 * owner of that arithmetic; the SLA clocks follow its {@code DeadlinesRecomputed} event.
 * Finished steps keep the due time and the met/missed recorded in their timeline entries.
 * <p>
 * Each report is recomputed in a transaction of its own; a report that moved on meanwhile is
 * read again and recomputed on what it is now. Only reports whose deadlines moved are saved
 * (and get a new version).
 */
@Component
class DeadlineRecomputation {

	private static final Logger log = LoggerFactory.getLogger(DeadlineRecomputation.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final Workflows workflows;

	private final TransactionTemplate transactions;

	DeadlineRecomputation(JdbcClient jdbc, ReportRepository reports, Workflows workflows,
			PlatformTransactionManager manager) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.workflows = workflows;
		this.transactions = new TransactionTemplate(manager);
		// each report on its own, also when called inside the listener's transaction
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		int changed = recomputeOpenDeadlines();
		log.info("Calendar changed on {} by {}: deadlines of {} reports recomputed", event.day(), event.changedBy(),
				changed);
	}

	/** @return how many reports had a deadline moved */
	int recomputeOpenDeadlines() {
		int changed = 0;
		UUID after = new UUID(0, 0);
		while (true) {
			List<UUID> batch = this.jdbc.sql("""
					select id from report
					where id > ? and (step_due_at is not null or timeout_at is not null
					  or (resolution_due_at is not null and resolution_stopped_at is null))
					order by id fetch first ? rows only""")
				.params(after, BATCH)
				.query(UUID.class)
				.list();
			if (batch.isEmpty()) {
				return changed;
			}
			for (UUID id : batch) {
				changed += recompute(id) ? 1 : 0;
			}
			after = batch.get(batch.size() - 1);
		}
	}

	private boolean recompute(UUID id) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> this.reports.findById(id)
					.filter(report -> report.recomputeDeadlines(this.workflows.now()))
					.map(report -> {
						this.reports.save(report);
						return true;
					})
					.orElse(false));
			}
			catch (OptimisticLockingFailureException moved) {
				if (attempt >= 3) {
					throw moved;
				}
			}
		}
	}

}
