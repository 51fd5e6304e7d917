package id.go.jambiprov.lapor.account.internal;

import java.io.Serial;
import java.util.List;

import id.go.jambiprov.lapor.account.Actor;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A sign-in whose password was right and whose second factor is still to come (a code, or the
 * enrolment of an authenticator). It grants nothing: no role, and no actor for the pages to
 * read; only the second-factor pages take it further.
 */
public final class PendingSignIn extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Actor actor;

	private final SecondFactor.Step step;

	PendingSignIn(Actor actor, SecondFactor.Step step) {
		super(List.of());
		this.actor = actor;
		this.step = step;
		setAuthenticated(true);
	}

	/** Who is signing in (not signed in yet). */
	public Actor actor() {
		return this.actor;
	}

	public SecondFactor.Step step() {
		return this.step;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.actor.username();
	}

}
