package id.go.jambiprov.lapor.account;

/**
 * What it takes to create a user account.
 *
 * @param username login name, unique
 * @param password the password in clear; stored only as a hash
 * @param displayName the name shown to colleagues
 * @param role the role
 * @param jurisdiction scope of a coordinator or supervisor
 * @param agency scope of a liaison officer
 */
public record NewUser(String username, String password, String displayName, Role role, String jurisdiction,
		String agency, String email) {

	public NewUser(String username, String password, String displayName, Role role, String jurisdiction,
			String agency) {
		this(username, password, displayName, role, jurisdiction, agency, null);
	}

}
