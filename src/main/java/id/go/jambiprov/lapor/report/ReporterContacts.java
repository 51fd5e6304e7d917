package id.go.jambiprov.lapor.report;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How to reach the reporter of a report, for the messages that tell them what happened. Only the
 * reporter is ever written to at these contacts; they are never shown to anyone.
 */
public interface ReporterContacts {

	/**
	 * @param trackingCode the report's code, formatted
	 * @param channel the channel the report came through
	 * @param handle the reporter's handle on that channel, if it came through a messaging channel
	 * @param email the e-mail address the reporter gave, if any
	 * @param agencyName the agency handling it now, if any (an agency, never an officer)
	 */
	record Contact(String trackingCode, Channel channel, @Nullable String handle, @Nullable String email,
			@Nullable String agencyName) {
	}

	Optional<Contact> of(UUID reportId);

}
