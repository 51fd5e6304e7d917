package id.go.jambiprov.lapor.report.internal;

import java.util.UUID;

/**
 * The reporter's identity and contacts, all normalised; at least one contact is set.
 */
record Reporter(String name, String email, String phone, String identityNumber, UUID accountId) {

	boolean isReachable() {
		return this.email != null || this.phone != null || this.identityNumber != null || this.accountId != null;
	}

}
