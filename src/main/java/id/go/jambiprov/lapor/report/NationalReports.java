package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the bridge to the national SP4N-LAPOR! may do with reports: file one the national system
 * forwarded to a jurisdiction, read one of ours to file it there, keep its national tracking id,
 * and take a reply its reporter wrote there.
 */
public interface NationalReports {

	/** The national system as it stands in timelines (the actor of its forwarding). */
	String NATIONAL_ACTOR = "SP4N-LAPOR!";

	/**
	 * A report the national admin forwarded to a jurisdiction on the national system.
	 *
	 * @param submittedAt when the citizen filed it there (decree step 1)
	 * @param forwardedAt when the national admin forwarded it (step 2): step 3 runs from then
	 */
	record Incoming(String nationalTrackingId, String jurisdiction, ReportType type, String title, String description,
			@Nullable String category, @Nullable String address, @Nullable Double latitude, @Nullable Double longitude,
			boolean anonymous, boolean confidential, @Nullable String name, @Nullable String email,
			@Nullable String phone, Instant submittedAt, Instant forwardedAt) {
	}

	/**
	 * Files it as forwarded to its jurisdiction, with its national tracking id. Nothing is dropped:
	 * a category or a contact we cannot read is left out, a text too long is shortened. The same
	 * national id twice files nothing new.
	 *
	 * @return our tracking code of the report
	 */
	String importForwarded(Incoming incoming);

	/**
	 * One of our reports as the national system needs it to file it there: the flags as they are;
	 * the reporter's name, e-mail and phone (the national admin may see an anonymous reporter, as
	 * ours does); never an identity number or an account.
	 */
	record Outgoing(String trackingCode, ReportType type, String title, String description, @Nullable String category,
			@Nullable String address, @Nullable Double latitude, @Nullable Double longitude, boolean anonymous,
			boolean confidential, @Nullable String name, @Nullable String email, @Nullable String phone,
			Instant submittedAt, Channel channel, @Nullable String nationalTrackingId) {
	}

	Optional<Outgoing> outgoing(UUID reportId);

	/** Our tracking code of the report with that national tracking id, if any. */
	Optional<String> trackingCodeOf(String nationalTrackingId);

	/** The report's national tracking id, once it has one. */
	Optional<String> nationalTrackingId(UUID reportId);

	/** Keeps the id the national system gave one of our reports; a second call changes nothing. */
	void recordNationalTrackingId(UUID reportId, String nationalTrackingId);

	/**
	 * A reply its reporter wrote on the national system: as a follow-up on a channel (on hold it
	 * resumes, answered it is replied to, otherwise it joins the chronology). Empty when no report
	 * has that national id.
	 */
	Optional<ChannelReports.FollowUp> reply(String nationalTrackingId, String text);

}
