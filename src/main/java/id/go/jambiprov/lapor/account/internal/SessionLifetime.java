package id.go.jambiprov.lapor.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An officer's page session ends after an absolute lifetime (12 hours by default), however busy:
 * a shift ends, and a session stolen or left open on a shared computer does not work forever.
 * The idle time (30 minutes) is the session's own ({@link PageLogin}).
 */
class SessionLifetime extends OncePerRequestFilter {

	private final Clock clock;

	private final Duration lifetime;

	SessionLifetime(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof Actor actor
				&& (actor.role().isOfficer() || actor.role() == Role.SYSTEM_ADMIN)
				&& this.clock.millis() - session.getCreationTime() > this.lifetime.toMillis()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/masuk?berakhir");
			return;
		}
		chain.doFilter(request, response);
	}

}
