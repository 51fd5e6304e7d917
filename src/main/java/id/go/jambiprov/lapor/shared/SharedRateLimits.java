package id.go.jambiprov.lapor.shared;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits every instance shares: on PostgreSQL, a limit's buckets are rows of
 * {@code rate_limit_bucket} (Bucket4j's PostgreSQL backend, each check a short
 * {@code select … for update}), so N instances together allow what one would. These are the
 * limits where N times would matter: sign-in failures per username and per address (a password
 * guesser spread over the instances), accounts made per address, messages per channel sender. On
 * the embedded H2 default there is one instance, and the buckets stay in memory.
 */
@Configuration(proxyBeanMethods = false)
public class SharedRateLimits {

	private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);

	private static final int CLEANUP_BATCH = 1000;

	private final @Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	@Autowired
	SharedRateLimits(DataSource dataSource) {
		this(Databases.isPostgreSql(dataSource) ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build() : null);
	}

	private SharedRateLimits(@Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
		this.buckets = buckets;
	}

	/** For one instance alone (and for tests without a database): every limit in memory. */
	public static SharedRateLimits inMemory() {
		return new SharedRateLimits((PostgreSQLSelectForUpdateBasedProxyManager<String>) null);
	}

	/** Whether the limits are shared by the instances (PostgreSQL) or kept per instance (H2). */
	public boolean shared() {
		return this.buckets != null;
	}

	/**
	 * At most {@code capacity} events per {@code period} for each key, for all instances together.
	 * @param name names the limit; keys of different limits never meet
	 */
	public RateLimiter limiter(String name, long capacity, Duration period) {
		PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = this.buckets;
		if (proxies == null) {
			return new RateLimiter(capacity, period);
		}
		return new RateLimiter(capacity, period,
				(key, configuration) -> proxies.builder().build(id(name, key), () -> configuration));
	}

	/**
	 * The row of a key: the limit's name and the key's SHA-256, so that the table holds no
	 * username or address, and any key (a NUL byte included) fits.
	 */
	static String id(String name, String key) {
		return name + ":" + Hashes.sha256Hex(key);
	}

	/** Deletes the buckets that are full again (nothing to remember); returns how many. */
	public int removeExpired() {
		PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = this.buckets;
		if (proxies == null) {
			return 0;
		}
		int removed = 0;
		int batch;
		do {
			batch = proxies.removeExpired(CLEANUP_BATCH);
			removed += batch;
		}
		while (batch == CLEANUP_BATCH);
		return removed;
	}

	@Bean
	RecurringTask<Void> rateLimitCleanupTask() {
		return Tasks.recurring("rate-limit-cleanup", FixedDelay.of(Duration.ofMinutes(30))).execute((instance, context) -> {
			int removed = removeExpired();
			if (removed > 0) {
				log.debug("{} full rate-limit buckets removed", removed);
			}
		});
	}

}
