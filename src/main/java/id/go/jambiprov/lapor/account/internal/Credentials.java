package id.go.jambiprov.lapor.account.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;
import id.go.jambiprov.lapor.shared.RateLimiter;
import id.go.jambiprov.lapor.shared.Redaction;
import id.go.jambiprov.lapor.shared.SharedRateLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for both doors in: the API's token and the pages' form login.
 * A wrong password and an unknown user get the same answer after the same work. Failures are
 * throttled per username <em>from one address</em> (so a stranger elsewhere cannot lock an
 * officer out) and per address across all usernames (so spraying many usernames is slowed);
 * while either is exhausted even the right password waits (otherwise a guesser would learn when
 * they hit it). Both limits are per instance.
 */
@Component
class Credentials {

	private static final org.slf4j.Logger security = org.slf4j.LoggerFactory.getLogger("security");

	private final UserStore users;

	private final PasswordEncoder passwords;

	private final String unknownUserHash;

	private final RateLimiter failures;

	private final RateLimiter addressFailures;

	/** Both limits hold for all instances together ({@link SharedRateLimits}). */
	private final Counter signInFailures;

	Credentials(UserStore users, PasswordEncoder passwords, SharedRateLimits limits, MeterRegistry metrics,
			@Value("${lapor.security.login-failures-per-15-minutes:10}") long failuresAllowed,
			@Value("${lapor.security.login-failures-per-address-per-15-minutes:50}") long addressFailuresAllowed) {
		this.signInFailures = Counter.builder("lapor.signin.failures").description("Failed sign-ins (pages and API)")
			.register(metrics);
		this.users = users;
		this.passwords = passwords;
		this.unknownUserHash = passwords.encode("no such user");
		this.failures = limits.limiter("sign-in", failuresAllowed, Duration.ofMinutes(15));
		this.addressFailures = limits.limiter("sign-in-address", addressFailuresAllowed, Duration.ofMinutes(15));
	}

	/**
	 * @return the enabled account the credentials belong to
	 * @throws ProblemException 401 for wrong credentials or a disabled account
	 * @throws id.go.jambiprov.lapor.shared.RateLimitExceeded while the username is throttled
	 */
	UserAccount check(String username, String password, String clientAddress) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		String address = clientAddress == null ? "" : clientAddress;
		String throttleKey = name + "@" + address;
		if (this.failures.isExhausted(throttleKey)) {
			this.failures.acquire(throttleKey);
		}
		if (this.addressFailures.isExhausted(address)) {
			this.addressFailures.acquire(address);
		}
		// a name with control characters (a NUL byte the database refuses) is nobody's
		boolean plausible = !name.isEmpty() && name.chars().noneMatch(Character::isISOControl);
		var user = plausible ? this.users.find(name) : Optional.<UserAccount>empty();
		boolean matches = this.passwords.matches(password == null ? "" : password,
				user.map(UserAccount::passwordHash).orElse(this.unknownUserHash));
		if (user.isEmpty() || !matches || !user.get().enabled()) {
			// a reporter's username is their e-mail or number: never in a log
			security.warn("event=sign-in-failed user={} address={} known={} enabled={}",
					plausible ? Redaction.redact(name) : "-", address,
					user.isPresent(), user.map(UserAccount::enabled).orElse(false));
			this.signInFailures.increment();
			this.addressFailures.tryAcquire(address);
			this.failures.acquire(throttleKey);
			throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CREDENTIALS,
					"problem.invalid-credentials");
		}
		security.info("event=password-accepted user={} role={} address={}", Redaction.redact(name), user.get().role(),
				address);
		return user.get();
	}

}
