package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.ReportRated;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts what the oversight figures need month by month per agency, from the report's events
 * after they commit: reports forwarded to a jurisdiction, dispositioned to an agency, answered
 * (the first answer of a report) and answered within the resolution standard, closed (and by the
 * system), archived, rated, and the steps that were still overdue when a month ended. Each
 * event counts once: a redelivered one finds its row in {@code insight_counted}.
 */
@Component
class MonthlyRollup {

	/** What is counted per month, jurisdiction and agency. */
	enum Measure {

		/** A report reached the jurisdiction (decree step 2). */
		FORWARDED,
		/** A report was dispositioned to the agency (step 7): the agency received it. */
		DISPOSED,
		/** The agency answered a report for the first time. */
		ANSWERED,
		/** ... within the resolution standard (5 working days from the first disposition). */
		ANSWERED_ON_TIME,
		/** The report was closed: by its reporter or by the system. */
		CLOSED,
		/** ... by the system, the reporter not having replied in time. */
		CLOSED_BY_SYSTEM,
		/** The report was archived (not processable). */
		ARCHIVED,
		/** A step was still open and past its deadline when the month ended. */
		OVERDUE_AT_MONTH_END,
		RATED_1, RATED_2, RATED_3, RATED_4, RATED_5;

		static Measure rated(int rating) {
			return valueOf("RATED_" + rating);
		}

	}

	/** The entry number standing for a report's rating in {@code insight_counted}. */
	private static final int RATING = 0;

	/** The entry number standing for a report's first answer. */
	private static final int FIRST_ANSWER = -1;

	private final JdbcClient jdbc;

	MonthlyRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		if (!once(event.reportId(), event.sequence())) {
			return;
		}
		YearMonth month = month(event.at());
		String jurisdiction = event.jurisdiction();
		if (event.action() == Action.FORWARD) {
			add(month, jurisdiction, null, Measure.FORWARDED);
		}
		else if (event.action() == Action.DISPOSE) {
			add(month, jurisdiction, event.agency(), Measure.DISPOSED);
		}
		else if (event.action() == Action.ANSWER && once(event.reportId(), FIRST_ANSWER)) {
			add(month, jurisdiction, event.agency(), Measure.ANSWERED);
			if (event.resolutionDueAt() != null && !event.at().isAfter(event.resolutionDueAt())) {
				add(month, jurisdiction, event.agency(), Measure.ANSWERED_ON_TIME);
			}
		}
		else if (event.to() == ReportStatus.CLOSED) {
			add(month, jurisdiction, event.agency(), Measure.CLOSED);
			if (event.actorRole() == Role.SYSTEM) {
				add(month, jurisdiction, event.agency(), Measure.CLOSED_BY_SYSTEM);
			}
		}
		else if (event.to() == ReportStatus.ARCHIVED) {
			add(month, jurisdiction, event.agency(), Measure.ARCHIVED);
		}
		if (event.dueAt() != null && event.sequence() > 1) {
			countOverdueMonthEnds(event);
		}
	}

	@ApplicationModuleListener
	void on(ReportRated event) {
		if (once(event.reportId(), RATING)) {
			add(month(event.at()), event.jurisdiction(), event.agency(), Measure.rated(event.rating()));
		}
	}

	/**
	 * A step that just ended late may have been open and overdue when one or more months ended:
	 * each such month counts it once, for the agency (or the jurisdiction) that held it.
	 */
	private void countOverdueMonthEnds(ReportTransitioned event) {
		this.jdbc.sql("""
				select occurred_at, jurisdiction, agency from timeline_entry
				where report_id = ? and entry_number = ?""")
			.params(event.reportId(), event.sequence() - 1)
			.query(rs -> {
				Instant started = rs.getTimestamp("occurred_at").toInstant();
				String jurisdiction = rs.getString("jurisdiction");
				String agency = holdsAgency(event.from()) ? rs.getString("agency") : null;
				YearMonth month = month(started);
				Instant end = monthEnd(month);
				while (end.isBefore(event.at())) {
					if (event.dueAt().isBefore(end)) {
						add(month, jurisdiction, agency, Measure.OVERDUE_AT_MONTH_END);
					}
					month = month.plusMonths(1);
					end = monthEnd(month);
				}
			});
	}

	/** Whether a step waiting in this status is the agency's (not the coordinator's). */
	static boolean holdsAgency(ReportStatus status) {
		return status == ReportStatus.DISPOSED || status == ReportStatus.IN_PROGRESS;
	}

	private boolean once(UUID report, int entry) {
		return this.jdbc.sql("insert into insight_counted (report_id, entry_number) values (?, ?) on conflict do nothing")
			.params(report, entry)
			.update() == 1;
	}

	private void add(YearMonth month, String jurisdiction, String agency, Measure measure) {
		Object[] key = { month.atDay(1), blank(jurisdiction), blank(agency), measure.name() };
		// of two first counts of one cell, one inserts; the other waits for it, then adds
		if (increment(key) == 0) {
			int inserted = this.jdbc.sql("""
					insert into insight_monthly (figure_month, jurisdiction, agency, measure, n) values (?, ?, ?, ?, 1)
					on conflict do nothing""")
				.params(key)
				.update();
			if (inserted == 0) {
				increment(key);
			}
		}
	}

	private int increment(Object[] key) {
		return this.jdbc.sql("""
				update insight_monthly set n = n + 1
				where figure_month = ? and jurisdiction = ? and agency = ? and measure = ?""")
			.params(key)
			.update();
	}

	static YearMonth month(Instant at) {
		return YearMonth.from(at.atZone(WorkingCalendar.JAKARTA));
	}

	/** The first instant after the month, in Jakarta. */
	static Instant monthEnd(YearMonth month) {
		return month.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.JAKARTA).toInstant();
	}

	static Timestamp timestamp(Instant at) {
		return Timestamp.from(at);
	}

	static LocalDate first(YearMonth month) {
		return month.atDay(1);
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

}
