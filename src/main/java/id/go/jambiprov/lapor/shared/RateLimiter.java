package id.go.jambiprov.lapor.shared;

import java.time.Duration;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per key, e.g. per client address or per username.
 * <p>
 * Made with {@code new}, the buckets live in a bounded in-memory cache (Caffeine) and the limit
 * is per instance: behind a load balancer of N instances a client gets at most N times the limit,
 * which is enough to stop a flood, costs no database call, and is what the high-rate limits use
 * (API writes, webhook calls per channel, sending pace per provider). Limits that must hold for
 * all instances together come from {@link SharedRateLimits}.
 */
public final class RateLimiter {

	private final BiFunction<String, BucketConfiguration, Bucket> buckets;

	private final BucketConfiguration configuration;

	/** At most {@code capacity} events per {@code period} for each key, refilled gradually; per instance. */
	public RateLimiter(long capacity, Duration period) {
		this(capacity, period, local(period));
	}

	RateLimiter(long capacity, Duration period, BiFunction<String, BucketConfiguration, Bucket> buckets) {
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
			.build();
		this.buckets = buckets;
	}

	private static BiFunction<String, BucketConfiguration, Bucket> local(Duration period) {
		Cache<String, Bucket> cache = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(period.multipliedBy(2))
			.build();
		return (key, configuration) -> cache.get(key,
				k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
	}

	/**
	 * Takes one event for the key.
	 * @throws RateLimitExceeded with the seconds to wait when the key has none left
	 */
	public void acquire(String key) {
		ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
			throw new RateLimitExceeded(seconds);
		}
	}

	/** Takes one event for the key if one is left; never throws. */
	public boolean tryAcquire(String key) {
		return bucket(key).tryConsume(1);
	}

	/** Whether the key has no event left, without taking one. */
	public boolean isExhausted(String key) {
		return bucket(key).getAvailableTokens() < 1;
	}

	private Bucket bucket(String key) {
		return this.buckets.apply(key, this.configuration);
	}

}
