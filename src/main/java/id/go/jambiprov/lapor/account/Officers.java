package id.go.jambiprov.lapor.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the officers who hold a role in a scope, to tell them about work and escalations.
 */
public interface Officers {

	/**
	 * The enabled users with the role: national admins everywhere; coordinators and supervisors
	 * of the jurisdiction; liaison officers of the agency.
	 */
	List<UUID> withRole(Role role, String jurisdiction, String agency);

	/** The officer's e-mail address, if they gave one and are enabled. */
	Optional<String> email(UUID user);

}
