package id.go.jambiprov.lapor.national.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The port to the national SP4N-LAPOR!: the four things the decree's step 2 needs across the
 * border. The national codes of statuses and categories are already mapped ({@link NationalMapping}).
 * A call that fails throws; the outbox and the puller try again later.
 */
interface NationalSystem {

	/** Which of the four operations the adapter can do (the legacy XML call only pushes reports). */
	record Capabilities(boolean pull, boolean pushStatus, boolean replies) {
	}

	Capabilities capabilities();

	/** A report the national admin forwarded to our agency (instansi) on the national system. */
	record Forwarded(String trackingId, @Nullable String transactionId, String title, @Nullable String description,
			@Nullable String category, @Nullable String address, @Nullable Double latitude, @Nullable Double longitude,
			boolean anonymous, boolean confidential, @Nullable String name, @Nullable String email,
			@Nullable String phone, Instant submittedAt, Instant forwardedAt) {
	}

	/** A page of what is new since a cursor, and the cursor to ask from next. */
	record Page<T>(List<T> items, @Nullable String next) {
	}

	/** Reports forwarded to us since the cursor (null: from the start). */
	Page<Forwarded> forwarded(@Nullable String cursor);

	/** One of our reports, to be filed there. */
	record Report(String trackingCode, String type, String title, String description, @Nullable String category,
			@Nullable String address, @Nullable Double latitude, @Nullable Double longitude, boolean anonymous,
			boolean confidential, @Nullable String name, @Nullable String email, @Nullable String phone,
			Instant submittedAt) {
	}

	/** What the national system gave the report: its tracking id and the call's transaction id. */
	record Filed(String trackingId, @Nullable String transactionId) {
	}

	/** Files one of our reports; the same tracking code twice answers the first filing (idempotent). */
	Filed push(Report report);

	/**
	 * A step of a bridged report: its national status and the text the reporter reads (an answer,
	 * a question, a reason), at the time it happened; {@code key} makes a repeated call harmless.
	 */
	record Status(String nationalTrackingId, String status, @Nullable String note, Instant at, String key) {
	}

	void pushStatus(Status status);

	/** A reply its reporter wrote on the national system. */
	record Reply(String id, String nationalTrackingId, String text, Instant at) {
	}

	Page<Reply> replies(@Nullable String cursor);

}
