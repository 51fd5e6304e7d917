package id.go.jambiprov.lapor.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the reporting reads go (dashboard, performance, public statistics, exports): to a
 * PostgreSQL streaming replica when {@code lapor.replica.url} ({@code LAPOR_REPLICA_URL}) is set
 * and the replica is fresh, else to the primary. A checker compares, every
 * {@code lapor.replica.check-interval} (1 s), the primary's WAL position with what the replica
 * replayed: the replica is fresh while it caught up within {@code lapor.replica.max-lag} (30 s);
 * a replica that lags more, or cannot be reached, is left until it catches up again. Reporting
 * figures may be that much older than the primary's; nothing that decides a report reads here.
 */
@Component
public class ReportingReads implements HealthIndicator, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportingReads.class);

	/** One database to read from: queries, streaming queries (1,000 rows a fetch) and their transaction. */
	public record Target(String name, JdbcClient jdbc, NamedParameterJdbcTemplate streaming,
			TransactionTemplate readOnly) {

		static Target of(String name, DataSource dataSource) {
			JdbcTemplate template = new JdbcTemplate(dataSource);
			template.setFetchSize(1_000);
			TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			readOnly.setReadOnly(true);
			return new Target(name, JdbcClient.create(dataSource), new NamedParameterJdbcTemplate(template), readOnly);
		}

	}

	private final Target primary;

	private final DataSource primaryDataSource;

	private final @Nullable HikariDataSource replicaPool;

	private final @Nullable Target replica;

	private final Duration maxLag;

	private final LongSupplier nanoTime;

	private final @Nullable ScheduledExecutorService checker;

	private volatile boolean fresh;

	private volatile long caughtUpAt = Long.MIN_VALUE;

	private volatile @Nullable String lastProblem;

	@Autowired
	ReportingReads(DataSource primary, @Value("${lapor.replica.url:}") String url,
			@Value("${lapor.replica.username:${spring.datasource.username:}}") String username,
			@Value("${lapor.replica.password:${spring.datasource.password:}}") String password,
			@Value("${lapor.replica.max-lag:PT30S}") Duration maxLag,
			@Value("${lapor.replica.check-interval:PT1S}") Duration checkInterval, MeterRegistry metrics) {
		this(primary, url.isBlank() ? null : pool(url, username, password), maxLag, System::nanoTime);
		if (this.replicaPool != null) {
			Gauge.builder("lapor_replica_lag_seconds", this, ReportingReads::lagSeconds)
				.description("How long the reporting replica has been behind the primary (0 when caught up)")
				.register(metrics);
			Gauge.builder("lapor_replica_in_use", this, reads -> reads.fresh ? 1 : 0)
				.description("1 while reporting reads go to the replica, 0 while they fall back to the primary")
				.register(metrics);
		}
		start(checkInterval);
	}

	/** For tests: a replica pool (or none) and a clock of nanoseconds; checks only when asked. */
	ReportingReads(DataSource primary, @Nullable HikariDataSource replica, Duration maxLag, LongSupplier nanoTime) {
		this.primaryDataSource = primary;
		this.primary = Target.of("primary", primary);
		this.replicaPool = replica;
		this.replica = replica == null ? null : Target.of("replica", replica);
		this.maxLag = maxLag;
		this.nanoTime = nanoTime;
		this.checker = replica == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "replica-check");
			thread.setDaemon(true);
			return thread;
		});
		if (replica != null) {
			check();
		}
	}

	private void start(Duration interval) {
		if (this.checker != null) {
			this.checker.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private static HikariDataSource pool(String url, String username, String password) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("replica");
		config.setJdbcUrl(url);
		config.setUsername(username);
		config.setPassword(password);
		config.setReadOnly(true);
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		// a replica that is down must not hold a page: fall back within two seconds
		config.setConnectionTimeout(2_000);
		config.setValidationTimeout(1_000);
		// start even while the replica is down (checked again every interval)
		config.setInitializationFailTimeout(-1);
		return new HikariDataSource(config);
	}

	/** Where a reporting read goes now. */
	public Target reads() {
		Target replica = this.replica;
		return replica != null && this.fresh ? replica : this.primary;
	}

	/** Whether a replica is configured at all. */
	public boolean replicaConfigured() {
		return this.replica != null;
	}

	/** Compares the primary's WAL position with the replica's replay; decides where reads go. */
	synchronized void check() {
		if (this.replicaPool == null) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		try {
			long primaryLsn = lsn(this.primaryDataSource, "select pg_current_wal_lsn()::text");
			long replayed = lsn(this.replicaPool, "select pg_last_wal_replay_lsn()::text");
			if (replayed >= primaryLsn) {
				this.caughtUpAt = now;
			}
			this.lastProblem = null;
		}
		catch (SQLException | RuntimeException unreachable) {
			this.lastProblem = Redaction.redact(String.valueOf(unreachable.getMessage()));
			decide(false);
			return;
		}
		decide(this.caughtUpAt != Long.MIN_VALUE && now - this.caughtUpAt <= this.maxLag.toNanos());
	}

	private void decide(boolean fresh) {
		if (fresh != this.fresh) {
			if (fresh) {
				log.info("event=replica-in-use reporting reads go to the replica");
			}
			else {
				log.warn("event=replica-left reporting reads go to the primary: {}",
						this.lastProblem != null ? this.lastProblem : "the replica lags more than " + this.maxLag);
			}
		}
		this.fresh = fresh;
	}

	private static long lsn(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(2);
			try (ResultSet result = statement.executeQuery(sql)) {
				if (!result.next() || result.getString(1) == null) {
					throw new SQLException("no WAL position (is it a PostgreSQL primary and its replica?)");
				}
				String[] parts = result.getString(1).split("/");
				return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
			}
		}
	}

	/** Seconds since the replica was last seen caught up (0 when it is; -1 when never). */
	double lagSeconds() {
		long caughtUp = this.caughtUpAt;
		if (caughtUp == Long.MIN_VALUE) {
			return -1;
		}
		return Math.max(0, (this.nanoTime.getAsLong() - caughtUp) / 1e9 - 0.0);
	}

	@Override
	public Health health() {
		if (this.replica == null) {
			return Health.up().withDetail("replica", "not configured: reporting reads go to the primary").build();
		}
		Health.Builder health = this.fresh ? Health.up() : Health.status(new Status("WARNING"));
		health.withDetail("readsFrom", this.fresh ? "replica" : "primary")
			.withDetail("lagSeconds", Math.round(lagSeconds() * 10) / 10.0);
		if (this.lastProblem != null) {
			health.withDetail("problem", this.lastProblem);
		}
		return health.build();
	}

	@Override
	public void destroy() {
		if (this.checker != null) {
			this.checker.shutdownNow();
		}
		if (this.replicaPool != null) {
			this.replicaPool.close();
		}
	}

}
