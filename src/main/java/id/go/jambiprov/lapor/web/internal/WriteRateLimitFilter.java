package id.go.jambiprov.lapor.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.shared.RateLimiter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the writes one client address may send per minute, so that a flood is answered with 429
 * instead of filling the database: the API's (POST, PUT, PATCH, DELETE) and the public forms'
 * (filing a report, opening one with its key, signing in, registering), which are the same
 * doors for a person. Generous by default: many citizens share one address behind
 * carrier-grade NAT. Per instance (Bucket4j in memory): behind N instances an address gets at
 * most N times the limit, enough to stop a flood. The address is the peer's, or the one a
 * trusted proxy forwards (server.forward-headers-strategy).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class WriteRateLimitFilter extends OncePerRequestFilter {

	private final boolean enabled;

	private final RateLimiter limiter;

	private final ProblemResponses problems;

	WriteRateLimitFilter(@Value("${lapor.rate-limit.enabled:true}") boolean enabled,
			@Value("${lapor.rate-limit.writes-per-minute:600}") long writesPerMinute, ProblemResponses problems) {
		this.enabled = enabled;
		this.limiter = new RateLimiter(writesPerMinute, Duration.ofMinutes(1));
		this.problems = problems;
	}

	/** The public forms that write: a flood on them costs as much as one on the API. */
	private static final List<String> PAGE_WRITES = List.of("/lapor", "/laporan", "/masuk", "/daftar");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!this.enabled || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/api/") || PAGE_WRITES.stream().anyMatch(page -> path.equals(page)
				|| path.startsWith(page + "/")));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.limiter.acquire(request.getRemoteAddr());
		}
		catch (RateLimitExceeded exceeded) {
			response.setHeader("Retry-After", String.valueOf(exceeded.retryAfterSeconds()));
			if (ProblemResponses.isPage(request)) {
				OutageFilter.plainPage(request, response, this.problems, ProblemResponses.tooManyRequests(exceeded));
			}
			else {
				this.problems.write(ProblemResponses.tooManyRequests(exceeded), request, response);
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
