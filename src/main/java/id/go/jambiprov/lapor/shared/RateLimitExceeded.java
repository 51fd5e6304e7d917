package id.go.jambiprov.lapor.shared;

/**
 * A {@link RateLimiter} key has no event left; the caller may try again after the given
 * seconds. The web layer answers it with 429 and {@code Retry-After}.
 */
public class RateLimitExceeded extends RuntimeException {

	private final long retryAfterSeconds;

	public RateLimitExceeded(long retryAfterSeconds) {
		super("rate limit exceeded, retry after " + retryAfterSeconds + " s", null, false, false);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
