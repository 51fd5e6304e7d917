package id.go.jambiprov.lapor.report.internal;

import java.util.UUID;

/**
 * The reporter's identity and contacts, all normalised; at least one contact is set. The
 * {@code handle} is who sent the report on a messaging channel (a WhatsApp number, a Telegram
 * chat, an Instagram or X account, an e-mail address): the decree's "channel's own handle".
 */
record Reporter(String name, String email, String phone, String identityNumber, UUID accountId, String handle) {

	Reporter(String name, String email, String phone, String identityNumber, UUID accountId) {
		this(name, email, phone, identityNumber, accountId, null);
	}

	boolean isReachable() {
		return this.email != null || this.phone != null || this.identityNumber != null || this.accountId != null
				|| this.handle != null;
	}

}
