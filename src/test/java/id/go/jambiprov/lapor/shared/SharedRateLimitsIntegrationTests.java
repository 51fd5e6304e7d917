package id.go.jambiprov.lapor.shared;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The limits every instance shares live in PostgreSQL: what one instance counted, another sees.
 * A second {@link SharedRateLimits} over the same database stands for a second instance.
 */
class SharedRateLimitsIntegrationTests extends ApiTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	SharedRateLimits limits;

	@Autowired
	UserAdministration users;

	@Test
	void twoInstancesTogetherAllowWhatOneWould() {
		SharedRateLimits other = new SharedRateLimits(this.dataSource);
		assertThat(this.limits.shared()).isTrue();
		String key = "key-" + System.nanoTime();
		RateLimiter here = this.limits.limiter("test-shared", 3, Duration.ofMinutes(15));
		RateLimiter there = other.limiter("test-shared", 3, Duration.ofMinutes(15));
		here.acquire(key);
		here.acquire(key);
		assertThat(there.isExhausted(key)).isFalse();
		there.acquire(key);
		assertThat(here.isExhausted(key)).isTrue();
		assertThat(there.isExhausted(key)).isTrue();
		assertThatThrownBy(() -> here.acquire(key)).isInstanceOfSatisfying(RateLimitExceeded.class,
				refused -> assertThat(refused.retryAfterSeconds()).isBetween(1L, 300L));
		// another limit with the same key counts apart
		assertThat(other.limiter("test-other", 3, Duration.ofMinutes(15)).tryAcquire(key)).isTrue();
	}

	@Test
	void signInFailuresCountedByAnotherInstanceThrottleHereToo() throws Exception {
		String username = "sasaran-" + System.nanoTime() % 1_000_000;
		this.users.createIfAbsent(new NewUser(username, "benar12345", "Sasaran", Role.COORDINATOR, "JAMBI", null));
		RateLimiter otherInstance = new SharedRateLimits(this.dataSource).limiter("sign-in", 10, Duration.ofMinutes(15));
		for (int i = 0; i < 10; i++) {
			otherInstance.tryAcquire(username + "@127.0.0.1");
		}
		int status = this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"benar12345\"}")).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(429);
	}

	@Test
	void bucketsThatAreFullAgainAreRemoved() {
		String key = "gone-" + System.nanoTime();
		this.limits.limiter("test-cleanup", 5, Duration.ofSeconds(1)).acquire(key);
		String id = SharedRateLimits.id("test-cleanup", key);
		assertThat(id).doesNotContain(key);
		assertThat(count(id)).isOne();
		this.jdbc.sql("update rate_limit_bucket set expires_at = 0 where id = ?").param(id).update();
		assertThat(this.limits.removeExpired()).isPositive();
		assertThat(count(id)).isZero();
	}

	private int count(String id) {
		return this.jdbc.sql("select count(*) from rate_limit_bucket where id = ?").param(id).query(Integer.class).single();
	}

}
