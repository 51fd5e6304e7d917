package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * What a message arriving on a channel may do with reports: file one for its sender, and let
 * the sender follow up their own reports. The sender is known by the channel's handle (phone
 * number, chat id, account, e-mail address); a report is the sender's own when it came through
 * the same channel from the same handle.
 */
public interface ChannelReports {

	/**
	 * A message turned into a report.
	 *
	 * @param channel the channel it came through
	 * @param handle the sender on that channel, stored as the reporter's contact
	 * @param senderName the name the channel shows for the sender, if any
	 * @param text what the sender wrote; the first line becomes the title
	 * @param files photos and documents sent with it (cleaned like any upload; unreadable ones are skipped)
	 * @param latitude a shared location, if any
	 * @param longitude a shared location, if any
	 * @param sentAt when the provider says the citizen sent it (decree step 1 runs from then)
	 */
	record Incoming(Channel channel, String handle, @Nullable String senderName, @Nullable String text, List<File> files,
			@Nullable Double latitude, @Nullable Double longitude, @Nullable Instant sentAt) {
	}

	/** A file that came with a message. */
	record File(String fileName, byte[] content) {
	}

	/**
	 * The new report's code and access key (the key is shown to the sender once, in the
	 * receipt), and how many of the files that came with it were not kept (too large, too many
	 * pixels, not a JPEG, PNG or PDF): the sender is told.
	 */
	record Filed(String trackingCode, String accessKey, Instant submittedAt, int refusedFiles) {

		public Filed(String trackingCode, String accessKey, Instant submittedAt) {
			this(trackingCode, accessKey, submittedAt, 0);
		}
	}

	/** A report of the sender, as the sender may see it. */
	record Mine(String trackingCode, ReportStatus status, Instant submittedAt, @Nullable Instant dueAt) {
	}

	/** What a follow-up became. */
	enum FollowUp {

		/** the text joined the chronology */
		ADDED,
		/** the report was on hold for the reporter's data and moves on */
		RESUMED,
		/** the report was answered and the reporter is not satisfied: back to the agency */
		REPLIED,
		/** the report is closed or archived, or the text is too long to add */
		REFUSED

	}

	/** What a rating sent on a channel became. */
	enum Rating {

		/** recorded */
		RATED,
		/** the report had a rating already */
		ALREADY_RATED,
		/** the report is not closed yet: nothing to rate */
		NOT_CLOSED

	}

	/**
	 * The sender rates their own closed report (1 to 5); {@code trackingCode} null: their most
	 * recent report on the channel. Empty when there is no such report of theirs.
	 */
	Optional<Rating> rate(@Nullable String trackingCode, Channel channel, String handle, int rating);

	Filed file(Incoming message);

	/** The sender's most recent report on that channel, if any. */
	Optional<Mine> latest(Channel channel, String handle);

	/**
	 * Public tracking by code, as {@code CEK} answers it: any report's status, except a
	 * confidential one, which only its own sender sees.
	 */
	Optional<Mine> status(String trackingCode, Channel channel, String handle);

	/**
	 * The sender follows up their own report: on hold it resumes with the text, answered it is
	 * replied to, otherwise the text joins the chronology. Empty when the report is not theirs.
	 */
	Optional<FollowUp> followUp(String trackingCode, Channel channel, String handle, String text, List<File> files);

}
