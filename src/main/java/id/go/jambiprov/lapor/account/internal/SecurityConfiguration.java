package id.go.jambiprov.lapor.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors. The API is stateless: a bearer token (HS256 JWT) when the caller has one;
 * authorisation happens at each use case, in the order of the API contract, and a bad or expired
 * token is refused with 401 before any controller runs. The pages use form login, a session and
 * CSRF tokens, under a Content Security Policy that allows no inline script.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** Where machines talk to us: bearer tokens, no session, no CSRF (no cookie is ever read). */
	static final String[] API_PATHS = { "/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
			"/actuator/**" };

	/**
	 * Pages only the script-free, inline-free policy allows: scripts and styles from our own
	 * origin, nothing inline, forms posting only to us, no framing.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	/**
	 * The channel providers' webhooks: each proves itself with its own signature (checked by the
	 * intake module over the raw body), never with our tokens; and Open311, whose clients prove
	 * themselves with an API key in the form (checked by the open311 module). No session, no CSRF.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/**", "/open311/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems,
			@Value("${lapor.metrics.allowed-networks:127.0.0.0/8,::1/128}") List<String> monitoring) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, failure) -> problems
			.write(request.getRequestURI().startsWith("/actuator/prometheus")
					// no token opens the metrics: only where the request comes from
					? new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-metrics")
					: new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "problem.invalid-token"),
					request, response);
		AccessDeniedHandler denied = (request, response, failure) -> problems.write(
				new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION,
						request.getRequestURI().startsWith("/actuator/prometheus") ? "problem.forbidden-metrics"
								: "problem.forbidden-read"),
				request, response);
		// metrics only for the monitoring: loopback and the configured networks, by the address the
		// request came from (behind the proxy, the client's, as the trusted proxy forwards it)
		List<IpAddressMatcher> networks = monitoring.stream().map(String::strip).filter(n -> !n.isEmpty())
			.map(IpAddressMatcher::new).toList();
		return http.securityMatcher(API_PATHS)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/prometheus", "/actuator/prometheus/**")
				.access((authentication, context) -> new AuthorizationDecision(networks.stream()
					.anyMatch(network -> network.matches(context.getRequest().getRemoteAddr()))))
				.anyRequest().permitAll())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			// Swagger UI styles itself inline; it shows no citizen data
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
			.build();
	}

	/**
	 * People in browsers: form login with a session, CSRF tokens on every form, the session id
	 * changed at login, officers' and admins' pages behind their roles.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, PageLogin login, Clock clock,
			@Value("${lapor.security.officer-session-lifetime:PT12H}") Duration officerLifetime) throws Exception {
		return http
			.addFilterAfter(new SessionLifetime(clock, officerLifetime), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/petugas/**").hasAnyRole(Role.NATIONAL_ADMIN.name(), Role.COORDINATOR.name(),
						Role.LIAISON.name(), Role.SUPERVISOR.name())
				.requestMatchers("/admin/**").hasRole(Role.SYSTEM_ADMIN.name())
				.requestMatchers("/akun/**").hasRole(Role.REPORTER.name())
				.anyRequest().permitAll())
			.authenticationProvider(login)
			.formLogin(form -> form.loginPage("/masuk")
				.loginProcessingUrl("/masuk")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(login)
				.failureHandler(login)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/keluar").logoutSuccessUrl("/masuk?keluar"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	SecretKey tokenKey(@Value("${lapor.security.token-secret:}") String secret) {
		String effective = secret;
		if (effective == null || effective.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			effective = HexFormat.of().formatHex(random);
			log.info("No lapor.security.token-secret set: tokens are signed with a random key and end at restart");
		}
		return new SecretKeySpec(effective.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey tokenKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(tokenKey));
	}

	/** Checks signature, issuer and expiry, the expiry against the application's clock. */
	@Bean
	JwtDecoder jwtDecoder(SecretKey tokenKey, Clock clock, AccountRevocation revocation) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator();
		expiry.setClock(clock);
		// a token of an account disabled or whose password was reset since it was issued is worthless
		OAuth2TokenValidator<Jwt> standing = jwt -> {
			Number version = jwt.getClaim(TokenService.VERSION);
			String user = jwt.getClaimAsString(TokenService.USER_ID);
			boolean stands = user != null
					&& revocation.stands(UUID.fromString(user), version == null ? 0 : version.intValue());
			return stands ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "account revoked", null));
		};
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry,
				new JwtIssuerValidator(TokenService.ISSUER), standing));
		return decoder;
	}

	/**
	 * A request the firewall refuses (a header or path with characters HTTP does not allow,
	 * found by the fuzz run in {@code bench/}) is the caller's mistake: 400, never 500.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
		return (request, response, rejected) -> {
			if (!response.isCommitted()) {
				response.resetBuffer();
				problems.write(new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
						"problem.malformed-request"), request, response);
			}
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
