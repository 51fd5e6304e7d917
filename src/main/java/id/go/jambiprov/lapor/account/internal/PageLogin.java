package id.go.jambiprov.lapor.account.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.web.ProblemException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pages' form login: the same credential check (and throttling) as the API's token, the
 * actor kept in the session, and each role taken to its own start page after signing in.
 */
@Component
public class PageLogin implements AuthenticationProvider, AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final Credentials credentials;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final Duration officerIdle;

	private final SecondFactor secondFactor;

	PageLogin(Credentials credentials, SecondFactor secondFactor,
			@Value("${lapor.security.officer-session-idle:PT30M}") Duration officerIdle) {
		this.secondFactor = secondFactor;
		this.credentials = credentials;
		this.officerIdle = officerIdle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		UserAccount account;
		try {
			String address = authentication.getDetails() instanceof WebAuthenticationDetails details
					? details.getRemoteAddress() : null;
			account = this.credentials.check(authentication.getName(), password, address);
		}
		catch (RateLimitExceeded throttled) {
			throw new LockedException("throttled");
		}
		catch (ProblemException refused) {
			throw new BadCredentialsException("bad credentials");
		}
		Actor actor = new Actor(account.id(), account.username(), account.role(), account.jurisdiction(),
				account.agency());
		SecondFactor.Step step = this.secondFactor.stepFor(account.id(), account.username(), account.role());
		return step == SecondFactor.Step.NONE ? signedIn(actor) : new PendingSignIn(actor, step);
	}

	/** The signed-in session of an actor: their role, nothing more. */
	public static Authentication signedIn(Actor actor) {
		return UsernamePasswordAuthenticationToken.authenticated(actor, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (authentication instanceof PendingSignIn pending) {
			// the password was right; the second factor decides (the saved request waits for it)
			response.sendRedirect(request.getContextPath()
					+ (pending.step() == SecondFactor.Step.ENROL ? "/masuk/kode/daftar" : "/masuk/kode"));
			return;
		}
		signedIn(request, response, (Actor) authentication.getPrincipal());
	}

	/** Where a signed-in actor goes: the page they asked for before signing in, or their start page. */
	public void signedIn(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
		SavedRequest saved = this.requests.getRequest(request, response);
		this.requests.removeRequest(request, response);
		if (actor.role().isOfficer() || actor.role() == Role.SYSTEM_ADMIN) {
			// an officer's desk left open locks itself: a short idle time (the absolute lifetime
			// is kept by SessionLifetimeFilter)
			request.getSession().setMaxInactiveInterval((int) this.officerIdle.toSeconds());
		}
		String target = saved != null && saved.getRedirectUrl() != null ? saved.getRedirectUrl()
				: request.getContextPath() + startPage(actor.role());
		response.sendRedirect(target);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof LockedException ? "terlalu-banyak" : "gagal";
		response.sendRedirect(request.getContextPath() + "/masuk?" + reason);
	}

	/** Where a role starts its work after signing in. */
	static String startPage(Role role) {
		return switch (role) {
			case NATIONAL_ADMIN, COORDINATOR, LIAISON, SUPERVISOR -> "/petugas";
			case SYSTEM_ADMIN -> "/admin";
			default -> "/akun";
		};
	}

}
