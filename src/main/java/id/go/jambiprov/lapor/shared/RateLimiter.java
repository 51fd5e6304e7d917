package id.go.jambiprov.lapor.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per key, e.g. per client address or per username, held in a bounded
 * in-memory cache (Caffeine). Limits are per instance: behind a load balancer of N instances a
 * client gets at most N times the limit, which is enough to stop a flood or a password guesser
 * and never needs a shared store.
 */
public final class RateLimiter {

	private final Cache<String, Bucket> buckets;

	private final long capacity;

	private final Duration period;

	/** At most {@code capacity} events per {@code period} for each key, refilled gradually. */
	public RateLimiter(long capacity, Duration period) {
		this.capacity = capacity;
		this.period = period;
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(2)).build();
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

	/** Whether the key has an event left, without taking it. */
	public boolean isExhausted(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		return bucket != null && bucket.getAvailableTokens() < 1;
	}

	private Bucket bucket(String key) {
		return this.buckets.get(key, k -> Bucket.builder()
			.addLimit(limit -> limit.capacity(this.capacity).refillGreedy(this.capacity, this.period))
			.build());
	}

}
