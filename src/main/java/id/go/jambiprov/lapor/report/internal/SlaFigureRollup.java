package id.go.jambiprov.lapor.report.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the timeline up into daily counts and duration histograms for the SLA figures, so that
 * figures over a million reports read a few thousand rows instead of sorting millions of
 * durations. Runs every minute on one instance; entries younger than the lag are left for the
 * next run, so that a transaction still committing is not skipped (ours last milliseconds; one
 * running longer than the lag could be missed). The watermark moves in the
 * same transaction as the counts: a run that fails adds nothing.
 */
@Configuration(proxyBeanMethods = false)
class SlaFigureRollup {

	/** A report's filing (decree step 1, measured for channel reports) has no status it came from. */
	static final String FILED = "NEW";

	private static final Logger log = LoggerFactory.getLogger(SlaFigureRollup.class);

	static final double BUCKET_RATIO = 1.1;

	private static final int BATCH = 50_000;

	private record Key(LocalDate day, String jurisdiction, String agency, String fromStatus, int bucket) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SlaFigureRollup(JdbcClient jdbc, Clock clock, PlatformTransactionManager manager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(manager);
	}

	@Bean
	RecurringTask<Void> slaFigureRollupTask(@Value("${lapor.sla.figures-lag:PT2M}") Duration lag) {
		return Tasks.recurring("sla-figure-rollup", FixedDelay.of(Duration.ofMinutes(1))).execute((instance, context) -> {
			int rolled = rollUp(lag);
			if (rolled > 0) {
				log.debug("Rolled {} timeline entries into the SLA figures", rolled);
			}
		});
	}

	static int bucket(long workingSeconds) {
		return (int) Math.floor(Math.log(Math.max(workingSeconds, 1)) / Math.log(BUCKET_RATIO));
	}

	/** The middle of a bucket, in seconds, to read percentiles from the histogram. */
	static double middle(int bucket) {
		return Math.pow(BUCKET_RATIO, bucket + 0.5);
	}

	/** Rolls up every timed entry older than the lag; answers how many entries it read. */
	int rollUp(Duration lag) {
		return rollUpUntil(this.clock.instant().minus(lag));
	}

	/**
	 * Rolls up the entries in id order up to the first one that is not older than {@code before}
	 * (it and those after it wait for the next run), so no entry is ever skipped.
	 */
	int rollUpUntil(Instant before) {
		int total = 0;
		while (true) {
			Integer read = this.transactions.execute(status -> rollUpBatch(before));
			total += read;
			if (read == 0) {
				return total;
			}
		}
	}

	private int rollUpBatch(Instant before) {
		long watermark = this.jdbc.sql("select last_id from sla_figure_watermark where id = 1")
			.query(Long.class)
			.single();
		Map<Key, long[]> counts = new HashMap<>();
		long[] last = { watermark };
		int[] read = { 0 };
		boolean[] stopped = { false };
		this.jdbc.sql("""
				select id, occurred_at, jurisdiction, agency, from_status, met, working_seconds, due_at
				from timeline_entry where id > ? order by id fetch first ? rows only""")
			.params(watermark, BATCH)
			.query(rs -> {
				if (stopped[0] || !rs.getTimestamp("occurred_at").toInstant().isBefore(before)) {
					stopped[0] = true;
					return;
				}
				read[0]++;
				last[0] = rs.getLong("id");
				if (rs.getTimestamp("due_at") == null || rs.getObject("working_seconds") == null) {
					return;
				}
				LocalDate day = rs.getTimestamp("occurred_at").toInstant().atZone(WorkingCalendar.JAKARTA).toLocalDate();
				Key key = new Key(day, blank(rs.getString("jurisdiction")), blank(rs.getString("agency")),
						fromStatus(rs.getString("from_status")), bucket(rs.getLong("working_seconds")));
				long[] count = counts.computeIfAbsent(key, k -> new long[2]);
				count[0]++;
				if (rs.getBoolean("met")) {
					count[1]++;
				}
			});
		if (read[0] == 0) {
			return 0;
		}
		int moved = this.jdbc.sql("update sla_figure_watermark set last_id = ? where id = 1 and last_id = ?")
			.params(last[0], watermark)
			.update();
		if (moved != 1) {
			return 0; // another run rolled these up meanwhile
		}
		for (Map.Entry<Key, long[]> entry : counts.entrySet()) {
			Key key = entry.getKey();
			long[] count = entry.getValue();
			int updated = this.jdbc.sql("""
					update sla_figure_daily set entries = entries + ?, met = met + ?
					where figure_day = ? and jurisdiction = ? and agency = ? and from_status = ? and bucket = ?""")
				.params(count[0], count[1], key.day(), key.jurisdiction(), key.agency(), key.fromStatus(), key.bucket())
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						insert into sla_figure_daily (figure_day, jurisdiction, agency, from_status, bucket, entries, met)
						values (?, ?, ?, ?, ?, ?, ?)""")
					.params(key.day(), key.jurisdiction(), key.agency(), key.fromStatus(), key.bucket(), count[0],
							count[1])
					.update();
			}
		}
		return read[0];
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
