package id.go.jambiprov.lapor.account.internal;

import java.util.UUID;

import id.go.jambiprov.lapor.account.Role;

/**
 * A stored user account.
 */
record UserAccount(UUID id, String username, String passwordHash, String displayName, Role role,
		String jurisdiction, String agency, boolean enabled, int credentialsVersion) {
}
