package id.go.jambiprov.lapor.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agency ended (its last day passed) and its successor took over its work: the coordinator
 * hands every open report of the agency to the successor in one action. Each report moves in
 * its own transaction with its own timeline entry ({@link Report#handOver}); status and clocks
 * stay as they were. A report someone changed meanwhile is tried again.
 */
@Service
public class AgencyHandOver {

	public static final String AGENCY_ACTIVE = "agency-active";

	public static final String NO_SUCCESSOR = "no-successor";

	private static final int ATTEMPTS = 3;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final Workflows workflows;

	private final Clock clock;

	private final TransactionTemplate transactions;

	AgencyHandOver(Directory directory, JdbcClient jdbc, ReportRepository reports, Workflows workflows, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.reports = reports;
		this.workflows = workflows;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** An ended agency that still has open reports, and who takes them over. */
	public record Pending(Agency agency, Agency successor, int openReports) {
	}

	/** What one hand-over did. */
	public record Result(String agency, String successor, List<String> handedOver) {
	}

	/** The ended agencies of the officer's scope that still hold open reports. */
	public List<Pending> pending(Actor by) {
		if (by.role() != Role.COORDINATOR && by.role() != Role.NATIONAL_ADMIN) {
			return List.of();
		}
		LocalDate today = today();
		List<Pending> pending = new ArrayList<>();
		for (Agency agency : this.directory.agencies()) {
			if (!ended(agency, today) || !inScope(agency, by)) {
				continue;
			}
			int count = this.jdbc
				.sql("select count(*) from report where agency = ? and status not in ('CLOSED', 'ARCHIVED')")
				.param(agency.code())
				.query(Integer.class)
				.single();
			if (count == 0) {
				continue;
			}
			Agency successor = agency.successor() == null ? null
					: this.directory.agency(agency.successor()).filter(s -> s.isActiveOn(today)).orElse(null);
			pending.add(new Pending(agency, successor, count));
		}
		return pending;
	}

	/**
	 * Hands every open report of an ended agency to its successor: 403 for a role other than the
	 * coordinator and the national admin, 404 for an agency out of scope, 409 while the agency is
	 * active or when it has no active successor.
	 */
	public Result handOver(String agencyCode, Actor by) {
		if (by.role() != Role.COORDINATOR && by.role() != Role.NATIONAL_ADMIN) {
			throw ReportRefusal.forbidden(Action.HAND_OVER);
		}
		LocalDate today = today();
		Agency agency = this.directory.agency(agencyCode)
			.filter(a -> inScope(a, by))
			.orElseThrow(ReportRefusal::notFound);
		if (!ended(agency, today)) {
			throw new ProblemException(HttpStatus.CONFLICT, AGENCY_ACTIVE, "problem.agency-active", agency.name());
		}
		Agency successor = agency.successor() == null ? null
				: this.directory.agency(agency.successor()).filter(s -> s.isActiveOn(today)).orElse(null);
		if (successor == null) {
			throw new ProblemException(HttpStatus.CONFLICT, NO_SUCCESSOR, "problem.no-successor", agency.name());
		}
		List<UUID> open = this.jdbc
			.sql("select id from report where agency = ? and status not in ('CLOSED', 'ARCHIVED') order by submitted_at")
			.param(agency.code())
			.query(UUID.class)
			.list();
		List<String> handed = new ArrayList<>();
		for (UUID id : open) {
			String code = handOne(id, agency.code(), successor.code(), by);
			if (code != null) {
				handed.add(code);
			}
		}
		return new Result(agency.code(), successor.code(), handed);
	}

	/** One report, in its own transaction; null when it no longer belongs to the agency. */
	private String handOne(UUID id, String agency, String successor, Actor by) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> {
					Report report = this.reports.findById(id).orElseThrow();
					if (!agency.equals(report.agency()) || report.status().isFinal()) {
						return null;
					}
					report.handOver(by, successor, this.workflows.now());
					this.reports.save(report);
					return report.trackingCode().formatted();
				});
			}
			catch (OptimisticLockingFailureException changed) {
				if (attempt >= ATTEMPTS) {
					throw ReportRefusal.concurrentChange();
				}
			}
		}
	}

	private static boolean inScope(Agency agency, Actor by) {
		return by.role() == Role.NATIONAL_ADMIN || agency.jurisdiction().equals(by.jurisdiction());
	}

	private static boolean ended(Agency agency, LocalDate today) {
		return agency.validUntil() != null && agency.validUntil().isBefore(today);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
	}

}
