package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the ended steps up into daily counts and duration histograms for the SLA figures, so
 * that figures over a million reports read a few thousand rows instead of sorting millions of
 * durations. Fed by {@link ReportTransitioned} after each transition commits (through the
 * publication registry: a crash delays an entry, never loses it), and counted once per timeline
 * entry: a redelivered event finds its entry in {@code sla_figure_counted} and changes nothing.
 * The same counting replays the timeline when the figures are rebuilt (see ADR 0006).
 */
@Component
class SlaFigureRollup {

	/** A report's filing (decree step 1, measured for channel reports) has no status it came from. */
	static final String FILED = "NEW";

	private static final Logger log = LoggerFactory.getLogger(SlaFigureRollup.class);

	static final double BUCKET_RATIO = 1.1;

	private static final int BATCH = 5_000;

	/** One ended step, as the event and the timeline both describe it. */
	record Entry(UUID reportId, int sequence, Instant at, String jurisdiction, String agency, String fromStatus,
			Instant dueAt, Boolean met, Long workingSeconds) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MonthlyRollup monthly;

	SlaFigureRollup(JdbcClient jdbc, PlatformTransactionManager manager, MonthlyRollup monthly) {
		this.monthly = monthly;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(manager);
	}

	/**
	 * The insight module's one listener of transitions: the SLA roll-up and the monthly roll-up
	 * count the entry in one transaction, so a transition costs one publication here, not two.
	 */
	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		this.monthly.on(event);
		count(new Entry(event.reportId(), event.sequence(), event.at(), event.jurisdiction(), event.agency(),
				event.from() == null ? null : event.from().name(), event.dueAt(), event.met(),
				event.workingSeconds()));
	}

	/**
	 * Counts a step that ended against a deadline, once: answers whether it was counted now
	 * (false for a step without a clock, and for one counted before).
	 */
	boolean count(Entry entry) {
		if (entry.dueAt() == null || entry.workingSeconds() == null) {
			return false;
		}
		int fresh = this.jdbc.sql("""
				insert into sla_figure_counted (report_id, entry_number) values (?, ?)
				on conflict do nothing""")
			.params(entry.reportId(), entry.sequence())
			.update();
		if (fresh == 0) {
			return false;
		}
		LocalDate day = entry.at().atZone(WorkingCalendar.JAKARTA).toLocalDate();
		Object[] key = { day, blank(entry.jurisdiction()), blank(entry.agency()), fromStatus(entry.fromStatus()),
				bucket(entry.workingSeconds()) };
		int met = Boolean.TRUE.equals(entry.met()) ? 1 : 0;
		cell("sla_figure_daily", "figure_day", key, met);
		Object[] monthly = key.clone();
		monthly[0] = day.withDayOfMonth(1);
		cell("sla_figure_monthly", "figure_month", monthly, met);
		return true;
	}

	/** Adds one entry to a cell: of two first counts of one cell, one inserts; the other waits for it, then adds. */
	private void cell(String table, String period, Object[] key, int met) {
		if (add(table, period, key, met) == 0) {
			int inserted = this.jdbc.sql("insert into " + table + " (" + period
					+ ", jurisdiction, agency, from_status, bucket, entries, met) values (?, ?, ?, ?, ?, 1, ?)"
					+ " on conflict do nothing")
				.params(key[0], key[1], key[2], key[3], key[4], met)
				.update();
			if (inserted == 0) {
				add(table, period, key, met);
			}
		}
	}

	private int add(String table, String period, Object[] key, int met) {
		return this.jdbc.sql("update " + table + " set entries = entries + 1, met = met + ? where " + period
				+ " = ? and jurisdiction = ? and agency = ? and from_status = ? and bucket = ?")
			.params(met, key[0], key[1], key[2], key[3], key[4])
			.update();
	}

	/**
	 * Counts what the watermark of the former roll-up (before V23) had not reached yet, once, on
	 * the first start after the upgrade; then the watermark is gone and the events feed alone.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUpAfterUpgrade() {
		Long watermark = this.jdbc.sql("select last_id from sla_figure_watermark where id = 1")
			.query(Long.class)
			.optional()
			.orElse(null);
		if (watermark == null) {
			return;
		}
		int counted = countTimelineAfter(watermark);
		this.jdbc.sql("delete from sla_figure_watermark where id = 1").update();
		log.info("SLA figures: {} timeline entries past the former watermark counted", counted);
	}

	/**
	 * Rebuilds the figures from the timeline, for an operator who doubts them: empties the
	 * roll-up and counts every entry again exactly as its event did. Events handled meanwhile
	 * are counted once all the same.
	 * @return how many entries were counted
	 */
	int rebuild() {
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("delete from sla_figure_daily").update();
			this.jdbc.sql("delete from sla_figure_monthly").update();
			this.jdbc.sql("delete from sla_figure_counted").update();
		});
		return countTimelineAfter(0);
	}

	private int countTimelineAfter(long afterId) {
		int total = 0;
		long last = afterId;
		while (true) {
			List<Long> ids = new ArrayList<>();
			long from = last;
			Integer counted = this.transactions.execute(status -> {
				int n = 0;
				List<Entry> entries = new ArrayList<>();
				this.jdbc.sql("""
						select id, report_id, entry_number, occurred_at, jurisdiction, agency, from_status, due_at, met,
						  working_seconds
						from timeline_entry where id > ? order by id fetch first ? rows only""")
					.params(from, BATCH)
					.query(rs -> {
						ids.add(rs.getLong("id"));
						Timestamp due = rs.getTimestamp("due_at");
						entries.add(new Entry(rs.getObject("report_id", UUID.class), rs.getInt("entry_number"),
								rs.getTimestamp("occurred_at").toInstant(), rs.getString("jurisdiction"),
								rs.getString("agency"), rs.getString("from_status"), due == null ? null : due.toInstant(),
								rs.getObject("met") == null ? null : rs.getBoolean("met"),
								rs.getObject("working_seconds") == null ? null : rs.getLong("working_seconds")));
					});
				for (Entry entry : entries) {
					n += count(entry) ? 1 : 0;
				}
				return n;
			});
			if (ids.isEmpty()) {
				return total;
			}
			total += counted;
			last = ids.get(ids.size() - 1);
		}
	}

	static int bucket(long workingSeconds) {
		return (int) Math.floor(Math.log(Math.max(workingSeconds, 1)) / Math.log(BUCKET_RATIO));
	}

	/** The middle of a bucket, in seconds, to read percentiles from the histogram. */
	static double middle(int bucket) {
		return Math.pow(BUCKET_RATIO, bucket + 0.5);
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

	/**
	 * Reads a percentile from bucket counts ordered by bucket, interpolating between neighbouring
	 * values as percentile_cont does, each value standing at the middle of its bucket.
	 * @param bucketsAndCounts pairs of bucket and count, in bucket order
	 */
	static Double percentile(List<long[]> bucketsAndCounts, double share) {
		long total = bucketsAndCounts.stream().mapToLong(b -> b[1]).sum();
		if (total == 0) {
			return null;
		}
		double rank = share * (total - 1);
		long lower = (long) Math.floor(rank);
		double low = valueAt(bucketsAndCounts, lower);
		double high = valueAt(bucketsAndCounts, Math.min(lower + 1, total - 1));
		return low + (rank - lower) * (high - low);
	}

	private static double valueAt(List<long[]> bucketsAndCounts, long index) {
		long seen = 0;
		for (long[] bucket : bucketsAndCounts) {
			seen += bucket[1];
			if (index < seen) {
				return middle((int) bucket[0]);
			}
		}
		return middle((int) bucketsAndCounts.get(bucketsAndCounts.size() - 1)[0]);
	}

	private static String fromStatus(String status) {
		return status == null ? FILED : status;
	}

}
