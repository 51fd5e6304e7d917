package id.go.jambiprov.lapor.web.internal;

import java.io.IOException;
import java.time.Duration;

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
 * Caps the API writes (POST, PUT, PATCH, DELETE) one client address may send per minute, so that
 * a flood is answered with 429 instead of filling the database. Generous by default: many
 * citizens share one address behind carrier-grade NAT.
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

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !this.enabled || !request.getRequestURI().startsWith("/api/") || "GET".equals(method)
				|| "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.limiter.acquire(request.getRemoteAddr());
		}
		catch (RateLimitExceeded exceeded) {
			response.setHeader("Retry-After", String.valueOf(exceeded.retryAfterSeconds()));
			this.problems.write(ProblemResponses.tooManyRequests(exceeded), request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
