package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.report.TimelineTampered;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the timeline chains ({@link TimelineChain}): of one report on request, and every
 * night of every report whose timeline grew in the last day. A break found is kept in
 * {@code timeline_check} (so that every instance's health says it: status WARNING with the
 * reports), logged, and announced as {@link TimelineTampered} (the national admins get an
 * e-mail).
 */
@Configuration(proxyBeanMethods = false)
public class TimelineIntegrity implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(TimelineIntegrity.class);

	static final Status WARNING = new Status("WARNING", "a timeline was changed around the application");

	/** The nightly check looks back a little more than a day, so that no entry falls between two runs. */
	private static final Duration LOOK_BACK = Duration.ofHours(26);

	/**
	 * Whether a report's chain holds.
	 * @param entries how many entries it has
	 * @param brokenAt the first entry whose hash does not match (or the first missing one), if any
	 */
	public record Verification(String trackingCode, boolean intact, int entries, @Nullable Integer brokenAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	TimelineIntegrity(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Walks the report's chain from its first entry; an entry missing anywhere breaks it too. */
	Verification verify(UUID reportId) {
		record Stored(TimelineChain.Entry entry, @Nullable String hash) {
		}
		List<Stored> entries = this.jdbc
			.sql("select " + TimelineChain.COLUMNS + ", entry_hash from timeline_entry where report_id = ? order by entry_number")
			.param(reportId)
			.query((rs, n) -> new Stored(TimelineChain.Entry.of(rs), rs.getString("entry_hash")))
			.list();
		var report = this.jdbc.sql("select tracking_code, timeline_length from report where id = ?")
			.param(reportId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) })
			.single();
		String code = new TrackingCode((String) report[0]).formatted();
		int length = (Integer) report[1];
		String previous = TimelineChain.GENESIS;
		int expected = 1;
		for (Stored stored : entries) {
			if (stored.entry().number() != expected) {
				return new Verification(code, false, entries.size(), expected);
			}
			previous = TimelineChain.hash(previous, stored.entry());
			if (!previous.equals(stored.hash())) {
				return new Verification(code, false, entries.size(), expected);
			}
			expected++;
		}
		if (entries.size() < length) {
			return new Verification(code, false, entries.size(), entries.size() + 1);
		}
		return new Verification(code, true, entries.size(), null);
	}

	/**
	 * Verifies every report whose timeline grew since then; records the run, and announces
	 * the reports whose chain is broken.
	 * @return the broken ones
	 */
	public List<Verification> verifyChangedSince(Instant since) {
		Instant now = this.clock.instant();
		List<UUID> changed = this.jdbc
			.sql("select distinct report_id from timeline_entry where occurred_at >= ?")
			.param(Timestamp.from(since))
			.query(UUID.class)
			.list();
		List<Verification> broken = new ArrayList<>();
		for (UUID report : changed) {
			Verification verification = verify(report);
			if (!verification.intact()) {
				broken.add(verification);
			}
		}
		String codes = String.join(",", broken.stream().map(Verification::trackingCode).toList());
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("insert into timeline_check (checked_at, reports, broken) values (?, ?, ?)")
				.params(Timestamp.from(now), changed.size(), broken.isEmpty() ? null : cut(codes))
				.update();
			if (!broken.isEmpty()) {
				log.error("security event=timeline-tampered reports={} checked={}", codes, changed.size());
				this.events.publishEvent(new TimelineTampered(
						broken.stream().map(v -> TrackingCode.parse(v.trackingCode()).orElseThrow()).toList(), now));
			}
		});
		return broken;
	}

	private static String cut(String codes) {
		return codes.length() <= 4000 ? codes : codes.substring(0, 3990) + ",…";
	}

	/** WARNING while the last check found a broken chain; a clean check clears it. */
	@Override
	public Health health() {
		return this.jdbc.sql("select checked_at, broken from timeline_check order by id desc fetch first 1 rows only")
			.query((rs, n) -> rs.getString("broken") == null ? Health.up().build()
					: Health.status(WARNING)
						.withDetail("warning", "Riwayat laporan diubah di luar aplikasi / a timeline was changed around "
								+ "the application: " + rs.getString("broken"))
						.withDetail("checkedAt", rs.getTimestamp("checked_at").toInstant().toString())
						.build())
			.optional()
			.orElseGet(() -> Health.up().build());
	}

	@Bean
	RecurringTask<Void> timelineCheckTask() {
		return Tasks.recurring("timeline-check", new Daily(WorkingCalendar.JAKARTA, LocalTime.of(2, 30)))
			.execute((instance, context) -> verifyChangedSince(this.clock.instant().minus(LOOK_BACK)));
	}

}
