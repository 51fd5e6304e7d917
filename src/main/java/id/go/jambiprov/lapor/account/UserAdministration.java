package id.go.jambiprov.lapor.account;

import java.util.UUID;

/**
 * Creating user accounts (the demo accounts, the system admin's pages, tests).
 */
public interface UserAdministration {

	/**
	 * Creates the user unless one with that username exists.
	 * @return the id of the new or existing user
	 */
	UUID createIfAbsent(NewUser user);

}
