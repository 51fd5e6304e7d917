package id.go.jambiprov.lapor.account;

import java.util.Optional;

/**
 * The actor behind the current request, from its credentials.
 */
public interface CurrentActor {

	/**
	 * @return the authenticated actor, or empty when the request carries no credentials (a bad
	 * credential never gets this far: it is refused with 401 before)
	 */
	Optional<Actor> get();

}
