package id.go.jambiprov.lapor.account.internal;

import java.util.Locale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;
import id.go.jambiprov.lapor.web.RateLimiter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Exchanges a username and password for a signed bearer token carrying the user's role and
 * scope. A wrong password and an unknown user get the same answer, after the same work.
 */
@Service
class TokenService {

	static final String ISSUER = "lapor-jambi";

	static final String USER_ID = "uid";

	static final String ROLE = "role";

	static final String JURISDICTION = "jurisdiction";

	static final String AGENCY = "agency";

	record Token(String accessToken, long expiresIn) {
	}

	private final UserStore users;

	private final PasswordEncoder passwords;

	private final JwtEncoder encoder;

	private final Clock clock;

	private final Duration lifetime;

	private final String unknownUserHash;

	/** Failed logins per username: a password guesser is slowed down to a crawl. */
	private final RateLimiter failures;

	TokenService(UserStore users, PasswordEncoder passwords, JwtEncoder encoder, Clock clock,
			@Value("${lapor.security.token-lifetime:PT8H}") Duration lifetime,
			@Value("${lapor.security.login-failures-per-15-minutes:10}") long failuresAllowed) {
		this.users = users;
		this.passwords = passwords;
		this.encoder = encoder;
		this.clock = clock;
		this.lifetime = lifetime;
		this.unknownUserHash = passwords.encode("no such user");
		this.failures = new RateLimiter(failuresAllowed, Duration.ofMinutes(15));
	}

	Token issue(String username, String password) {
		String throttleKey = username.toLowerCase(Locale.ROOT);
		if (this.failures.isExhausted(throttleKey)) {
			// even the right password waits: otherwise the guesser learns when they hit it
			this.failures.acquire(throttleKey);
		}
		var user = this.users.find(username);
		boolean matches = this.passwords.matches(password,
				user.map(UserAccount::passwordHash).orElse(this.unknownUserHash));
		if (user.isEmpty() || !matches || !user.get().enabled()) {
			this.failures.acquire(throttleKey);
			throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CREDENTIALS,
					"problem.invalid-credentials");
		}
		UserAccount account = user.get();
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(account.username())
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.claim(USER_ID, account.id().toString())
			.claim(ROLE, account.role().name());
		if (account.jurisdiction() != null) {
			claims.claim(JURISDICTION, account.jurisdiction());
		}
		if (account.agency() != null) {
			claims.claim(AGENCY, account.agency());
		}
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
		return new Token(token, this.lifetime.toSeconds());
	}

}
