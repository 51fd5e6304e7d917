package id.go.jambiprov.lapor.notify;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.report.Channel;

/**
 * Messages to reporters on the channel they wrote on. Queued in the caller's transaction, sent
 * after it commits, retried with backoff while the provider is down; never sent twice.
 */
public interface ChannelMessages {

	/**
	 * @param channel the channel to answer on
	 * @param recipient the reporter's handle on it
	 * @param text what to say; short, it may be an SMS
	 * @param reportCode the report it is about, if any
	 * @param replyTo the provider id of the message answered (a public reply on X, a private
	 *        reply to an Instagram comment, WhatsApp's quoted message), if any
	 * @param cause what decided the message (an event, or report + timeline entry), if any: a
	 *        message is queued once per cause, channel and recipient, however often its event is
	 *        delivered
	 */
	record Outgoing(Channel channel, String recipient, String text, @Nullable String reportCode,
			@Nullable String replyTo, @Nullable String cause) {

		public Outgoing(Channel channel, String recipient, String text, @Nullable String reportCode,
				@Nullable String replyTo) {
			this(channel, recipient, text, reportCode, replyTo, null);
		}

		public Outgoing because(@Nullable String cause) {
			return new Outgoing(this.channel, this.recipient, this.text, this.reportCode, this.replyTo, cause);
		}

	}

	void send(Outgoing message);

	/** Whether messages can go out on that channel (its access token is configured). */
	boolean canSend(Channel channel);

	/** A provider's delivery report about a message we sent. */
	void delivered(Channel channel, String providerMessageId, String status, @Nullable Instant at,
			@Nullable String error);

	/** The report a message we sent was about, found by the provider's id of that message. */
	Optional<String> reportOf(Channel channel, String providerMessageId);

}
