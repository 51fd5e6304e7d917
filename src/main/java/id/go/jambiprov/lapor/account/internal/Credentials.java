package id.go.jambiprov.lapor.account.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;
import id.go.jambiprov.lapor.shared.RateLimiter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for both doors in: the API's token and the pages' form login.
 * A wrong password and an unknown user get the same answer after the same work; repeated
 * failures for one username are throttled, and while they are, even the right password waits
 * (otherwise a guesser would learn when they hit it).
 */
@Component
class Credentials {

	private final UserStore users;

	private final PasswordEncoder passwords;

	private final String unknownUserHash;

	private final RateLimiter failures;

	Credentials(UserStore users, PasswordEncoder passwords,
			@Value("${lapor.security.login-failures-per-15-minutes:10}") long failuresAllowed) {
		this.users = users;
		this.passwords = passwords;
		this.unknownUserHash = passwords.encode("no such user");
		this.failures = new RateLimiter(failuresAllowed, Duration.ofMinutes(15));
	}

	/**
	 * @return the enabled account the credentials belong to
	 * @throws ProblemException 401 for wrong credentials or a disabled account
	 * @throws id.go.jambiprov.lapor.shared.RateLimitExceeded while the username is throttled
	 */
	UserAccount check(String username, String password) {
		String throttleKey = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		if (this.failures.isExhausted(throttleKey)) {
			this.failures.acquire(throttleKey);
		}
		var user = throttleKey.isEmpty() ? Optional.<UserAccount>empty() : this.users.find(throttleKey);
		boolean matches = this.passwords.matches(password == null ? "" : password,
				user.map(UserAccount::passwordHash).orElse(this.unknownUserHash));
		if (user.isEmpty() || !matches || !user.get().enabled()) {
			this.failures.acquire(throttleKey);
			throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CREDENTIALS,
					"problem.invalid-credentials");
		}
		return user.get();
	}

}
