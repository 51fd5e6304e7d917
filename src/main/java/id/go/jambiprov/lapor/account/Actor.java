package id.go.jambiprov.lapor.account;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a use case acts for: a user with a role and a scope, a reporter holding the access key of
 * one report, or the system.
 *
 * @param userId the user's id; {@code null} for an access-key holder and the system
 * @param username the login name; {@code null} for an access-key holder
 * @param role the role
 * @param jurisdiction the jurisdiction a coordinator or supervisor is scoped to
 * @param agency the agency a liaison officer is scoped to
 */
public record Actor(UUID userId, String username, Role role, String jurisdiction, String agency)
		implements Principal, Serializable {

	public Actor {
		Objects.requireNonNull(role, "role");
	}

	/** The reporter of one report, known by its access key rather than by an account. */
	public static Actor accessKeyHolder() {
		return new Actor(null, null, Role.REPORTER, null, null);
	}

	public static Actor system() {
		return new Actor(null, "system", Role.SYSTEM, null, null);
	}

	/** The login name, so that a signed-in page request names its user without knowing this type. */
	@Override
	public String getName() {
		return this.username;
	}

	public boolean hasAccount() {
		return userId != null;
	}

}
