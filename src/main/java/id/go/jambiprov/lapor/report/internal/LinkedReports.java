package id.go.jambiprov.lapor.report.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.report.LinkedReportAnswered;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a main report's steps do to the reports linked to it, after they committed: its answer
 * goes to every linked reporter (an event each, which the notify module sends on their channel),
 * and its closing closes them (a row of the SOP table, taken by the system, one report per
 * transaction). A redelivered event finds the linked reports closed already and the messages
 * keyed by their cause.
 */
@Component
class LinkedReports {

	private static final Logger log = LoggerFactory.getLogger(LinkedReports.class);

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final Workflows workflows;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	LinkedReports(JdbcClient jdbc, ReportRepository reports, Workflows workflows, ApplicationEventPublisher events,
			PlatformTransactionManager manager) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.workflows = workflows;
		this.events = events;
		this.transactions = new TransactionTemplate(manager);
		// each linked report in a transaction of its own: one that changed meanwhile stops none of the others
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		if (event.action() == Action.ANSWER) {
			for (Linked linked : linkedTo(event.reportId())) {
				this.events.publishEvent(
						new LinkedReportAnswered(linked.id(), linked.code(), event.note(), event.sequence()));
			}
		}
		else if (event.to() == ReportStatus.CLOSED) {
			for (Linked linked : linkedTo(event.reportId())) {
				close(linked.id());
			}
		}
	}

	private record Linked(UUID id, TrackingCode code) {
	}

	private List<Linked> linkedTo(UUID main) {
		return this.jdbc.sql("select id, tracking_code from report where linked_to = ? and status = ?")
			.params(main, ReportStatus.LINKED.name())
			.query((rs, n) -> new Linked(rs.getObject("id", UUID.class), new TrackingCode(rs.getString("tracking_code"))))
			.list();
	}

	private void close(UUID id) {
		try {
			this.transactions.executeWithoutResult(status -> this.reports.findById(id)
				.filter(report -> report.status() == ReportStatus.LINKED)
				.ifPresent(report -> {
					report.close(Actor.system(), null, null, this.workflows.now());
					this.reports.save(report);
				}));
		}
		catch (OptimisticLockingFailureException someoneActed) {
			log.info("A linked report changed while its main report closed; it is left as it is now");
		}
	}

}
