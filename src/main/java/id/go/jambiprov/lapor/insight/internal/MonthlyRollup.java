package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.ReportRated;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

		/** A report was filed (decree step 1), in any jurisdiction: counted with none. */
		SUBMITTED,
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

	private static final Logger log = LoggerFactory.getLogger(MonthlyRollup.class);

	private final JdbcClient jdbc;

	MonthlyRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One timeline entry, as its event and the timeline both describe it. */
	record Fact(UUID reportId, int sequence, Action action, @Nullable ReportStatus from, ReportStatus to, Instant at,
			@Nullable String jurisdiction, @Nullable String agency, Role actorRole, @Nullable Instant dueAt,
			@Nullable Instant resolutionDueAt) {
	}

	/** Fed by {@link SlaFigureRollup}'s listener, in its transaction: one publication per transition for both. */
	void on(ReportTransitioned event) {
		count(new Fact(event.reportId(), event.sequence(), event.action(), event.from(), event.to(), event.at(),
				event.jurisdiction(), event.agency(), event.actorRole(), event.dueAt(), event.resolutionDueAt()));
	}

	/** Counts one entry, once: answers whether it was counted now. */
	boolean count(Fact event) {
		if (!once(event.reportId(), event.sequence())) {
			return false;
		}
		YearMonth month = month(event.at());
		String jurisdiction = event.jurisdiction();
		if (event.action() == Action.SUBMIT) {
			add(month, null, null, Measure.SUBMITTED);
		}
		else if (event.action() == Action.FORWARD) {
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
		return true;
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
	private void countOverdueMonthEnds(Fact event) {
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

	/**
	 * Counts, once, what the timeline held before this roll-up existed (or what an operator wants
	 * counted again after emptying it): every entry exactly as its event would have, and every
	 * rating at its report's closing. Runs on the first start after the upgrade, in the
	 * background; each entry counts once however often it runs, on however many instances.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void backfillOnce() {
		boolean pending = this.jdbc.sql("select count(*) from insight_backfill where done_at is null")
			.query(Long.class)
			.single() > 0;
		if (pending) {
			Thread thread = new Thread(() -> {
				try {
					long counted = backfill();
					this.jdbc.sql("update insight_backfill set done_at = ? where done_at is null")
						.param(Timestamp.from(Instant.now()))
						.update();
					log.info("Oversight figures: {} timeline entries and ratings counted from before the roll-up", counted);
				}
				catch (RuntimeException ex) {
					log.warn("Oversight figures: counting the earlier timeline failed; it runs again on the next start", ex);
				}
			}, "insight-backfill");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/** Counts every timeline entry and rating not counted yet; answers how many. */
	long backfill() {
		long counted = 0;
		long last = 0;
		while (true) {
			List<Long> ids = new ArrayList<>();
			List<Fact> facts = new ArrayList<>();
			this.jdbc.sql("""
					select t.id, t.report_id, t.entry_number, t.action, t.from_status, t.to_status, t.occurred_at,
					  t.jurisdiction, t.agency, t.actor_role, t.due_at, r.resolution_due_at
					from timeline_entry t join report r on r.id = t.report_id
					where t.id > ? order by t.id fetch first 2000 rows only""")
				.param(last)
				.query(rs -> {
					ids.add(rs.getLong("id"));
					Action action = Action.fromPath(rs.getString("action")).orElse(null);
					if (action == null) {
						return;
					}
					String from = rs.getString("from_status");
					Timestamp due = rs.getTimestamp("due_at");
					Timestamp resolution = rs.getTimestamp("resolution_due_at");
					facts.add(new Fact(rs.getObject("report_id", UUID.class), rs.getInt("entry_number"), action,
							from == null ? null : ReportStatus.valueOf(from), ReportStatus.valueOf(rs.getString("to_status")),
							rs.getTimestamp("occurred_at").toInstant(), rs.getString("jurisdiction"), rs.getString("agency"),
							Role.valueOf(rs.getString("actor_role")), due == null ? null : due.toInstant(),
							resolution == null ? null : resolution.toInstant()));
				});
			if (ids.isEmpty()) {
				break;
			}
			for (Fact fact : facts) {
				counted += count(fact) ? 1 : 0;
			}
			last = ids.get(ids.size() - 1);
		}
		List<ReportRated> ratings = this.jdbc.sql("""
				select r.id, r.rating, r.jurisdiction, r.agency, max(t.occurred_at) as closed_at
				from report r join timeline_entry t on t.report_id = r.id and t.to_status = 'CLOSED'
				where r.rating is not null group by r.id, r.rating, r.jurisdiction, r.agency""")
			.query((rs, n) -> new ReportRated(rs.getObject("id", UUID.class), rs.getInt("rating"),
					rs.getTimestamp("closed_at").toInstant(), rs.getString("jurisdiction"), rs.getString("agency")))
			.list();
		for (ReportRated rating : ratings) {
			if (once(rating.reportId(), RATING)) {
				add(month(rating.at()), rating.jurisdiction(), rating.agency(), Measure.rated(rating.rating()));
				counted++;
			}
		}
		return counted;
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

	private static String blank(String value) {
		return value == null ? "" : value;
	}

}
