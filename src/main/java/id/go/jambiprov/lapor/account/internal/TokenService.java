package id.go.jambiprov.lapor.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Exchanges a username and password for a signed bearer token carrying the user's role and
 * scope; the credentials are checked (and throttled) by {@link Credentials}.
 */
@Service
public class TokenService {

	static final String ISSUER = "lapor-jambi";

	static final String USER_ID = "uid";

	static final String ROLE = "role";

	static final String JURISDICTION = "jurisdiction";

	static final String AGENCY = "agency";

	/** The account's credentials version when the token was issued (see {@link AccountRevocation}). */
	static final String VERSION = "ver";

	public record Token(String accessToken, long expiresIn) {
	}

	private final Credentials credentials;

	private final JwtEncoder encoder;

	private final Clock clock;

	private final Duration lifetime;

	private final SecondFactor secondFactor;

	TokenService(Credentials credentials, JwtEncoder encoder, Clock clock,
			@Value("${lapor.security.token-lifetime:PT8H}") Duration lifetime, SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.credentials = credentials;
		this.encoder = encoder;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * A token for the credentials; an account with a second factor needs its code in {@code otp}
	 * (a TOTP code or a recovery code), and one that must enrol does so on the sign-in page first.
	 * @throws ProblemException 401 {@code second-factor-required} without a right code
	 */
	public Token issue(String username, String password, String otp, String clientAddress) {
		UserAccount account = this.credentials.check(username, password, clientAddress);
		switch (this.secondFactor.stepFor(account.id(), account.username(), account.role())) {
			case ENROL -> throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.SECOND_FACTOR_REQUIRED,
					"problem.second-factor-enrol");
			case CODE -> {
				if (otp == null || otp.isBlank()) {
					throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.SECOND_FACTOR_REQUIRED,
							"problem.second-factor-required");
				}
				if (!this.secondFactor.check(account, otp, clientAddress)) {
					throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.SECOND_FACTOR_REQUIRED,
							"problem.second-factor-wrong");
				}
			}
			case NONE -> {
			}
		}
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(account.username())
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.claim(USER_ID, account.id().toString())
			.claim(ROLE, account.role().name())
			.claim(VERSION, account.credentialsVersion());
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
