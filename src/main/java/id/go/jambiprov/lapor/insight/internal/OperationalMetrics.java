package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service's own figures for Prometheus ({@code lapor_*}), read from the database every 30
 * seconds on each instance (a scrape never waits on a query): reports by status and
 * jurisdiction, overdue reports by the status whose step is late, the age of the oldest waiting
 * message and the given-up messages of each queue, and how late the clock sweep is. The sweep's
 * own duration and the sign-in failures are counted where they happen.
 */
@Component
class OperationalMetrics implements MeterBinder, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OperationalMetrics.class);

	static final Duration REFRESH = Duration.ofSeconds(30);

	/** The queues: name, table, and the column of when a message arrived. */
	private record Queue(String name, String table, String since) {
	}

	private static final List<Queue> QUEUES = List.of(new Queue("inbound", "inbound_message", "received_at"),
			new Queue("channel-outbox", "outbound_message", "created_at"),
			new Queue("mail-outbox", "outbound_mail", "created_at"),
			new Queue("national-outbox", "national_call", "created_at"));

	private record Figures(List<MultiGauge.Row<?>> reports, List<MultiGauge.Row<?>> overdue,
			Map<String, Double> oldest, Map<String, Double> failed, double sweepLag, double provisionalDays) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Figures> figures = new AtomicReference<>(
			new Figures(List.of(), List.of(), Map.of(), Map.of(), 0, 0));

	private ScheduledExecutorService refresher;

	private MultiGauge reports;

	private MultiGauge overdue;

	OperationalMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.reports = MultiGauge.builder("lapor.reports").description("Reports by status and jurisdiction")
			.register(registry);
		this.overdue = MultiGauge.builder("lapor.reports.overdue")
			.description("Reports whose current step is past its deadline, by status")
			.register(registry);
		for (Queue queue : QUEUES) {
			Gauge.builder("lapor.queue.oldest.seconds", this, m -> m.figures.get().oldest().getOrDefault(queue.name(), 0.0))
				.description("Age of the oldest message still waiting in the queue")
				.tag("queue", queue.name())
				.register(registry);
			Gauge.builder("lapor.queue.failed", this, m -> m.figures.get().failed().getOrDefault(queue.name(), 0.0))
				.description("Messages given up after their tries (kept until the retention ends)")
				.tag("queue", queue.name())
				.register(registry);
		}
		Gauge.builder("lapor.sla.sweep.lag.seconds", this, m -> m.figures.get().sweepLag())
			.description("How long the oldest due deadline signal has waited for the sweep")
			.register(registry);
		Gauge.builder("lapor.calendar.provisional.days.ahead", this, m -> m.figures.get().provisionalDays())
			.description("Provisional (computed, unconfirmed) days off in the next 60 days")
			.register(registry);
		this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "lapor-metrics");
			thread.setDaemon(true);
			return thread;
		});
		this.refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException unavailable) {
			// the database may be down for a moment: the figures stay as they were
			log.debug("Metrics not refreshed: {}", unavailable.getMessage());
		}
	}

	/** Reads the figures again (also called by tests). */
	void refresh() {
		Instant now = this.clock.instant();
		List<MultiGauge.Row<?>> byStatus = this.jdbc
			.sql("select status, coalesce(jurisdiction, '-') as jurisdiction, count(*) as n from report group by status, "
					+ "coalesce(jurisdiction, '-')")
			.<MultiGauge.Row<?>>query((rs, n) -> MultiGauge.Row.of(
					Tags.of("status", rs.getString("status"), "jurisdiction", rs.getString("jurisdiction")),
					rs.getLong("n")))
			.list();
		Map<String, Long> lateByStatus = new java.util.HashMap<>();
		this.jdbc.sql("select status, count(*) as n from report where step_due_at < ? group by status")
			.param(Timestamp.from(now))
			.query(rs -> {
				lateByStatus.put(rs.getString("status"), rs.getLong("n"));
			});
		// every status, 0 included: an alert on growth needs the series to exist before it grows
		List<MultiGauge.Row<?>> late = java.util.Arrays.stream(ReportStatus.values())
			.<MultiGauge.Row<?>>map(status -> MultiGauge.Row.of(Tags.of("status", status.name()),
					lateByStatus.getOrDefault(status.name(), 0L)))
			.toList();
		Map<String, Double> oldest = new java.util.HashMap<>();
		Map<String, Double> failed = new java.util.HashMap<>();
		for (Queue queue : QUEUES) {
			Timestamp since = first(this.jdbc
				.sql("select min(" + queue.since() + ") from " + queue.table() + " where status = 'PENDING'")
				.query(Timestamp.class)
				.list());
			oldest.put(queue.name(),
					since == null ? 0.0 : Math.max(0, Duration.between(since.toInstant(), now).toMillis() / 1000.0));
			failed.put(queue.name(), this.jdbc.sql("select count(*) from " + queue.table() + " where status = 'FAILED'")
				.query(Long.class)
				.single()
				.doubleValue());
		}
		Timestamp due = first(this.jdbc.sql("select min(next_signal_at) from sla_clock where next_signal_at <= ?")
			.param(Timestamp.from(now))
			.query(Timestamp.class)
			.list());
		double lag = due == null ? 0 : Duration.between(due.toInstant(), now).toMillis() / 1000.0;
		java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Jakarta"));
		double provisional = this.jdbc
			.sql("select count(*) from holiday where provisional and holiday_date between ? and ?")
			.params(today, today.plusDays(60))
			.query(Long.class)
			.single();
		this.figures.set(new Figures(byStatus, late, Map.copyOf(oldest), Map.copyOf(failed), lag, provisional));
		this.reports.register(byStatus, true);
		this.overdue.register(late, true);
	}

	/** The one value of an aggregate, which is null over no rows. */
	private static Timestamp first(List<Timestamp> values) {
		return values.isEmpty() ? null : values.get(0);
	}

	@Override
	public void destroy() {
		if (this.refresher != null) {
			this.refresher.shutdownNow();
		}
	}

}
