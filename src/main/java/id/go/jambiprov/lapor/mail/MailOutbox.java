package id.go.jambiprov.lapor.mail;

import org.jspecify.annotations.Nullable;

/**
 * Queues e-mail. Call it inside the transaction that decides the mail: the mail is kept only if
 * that transaction commits, and goes out after it.
 */
public interface MailOutbox {

	/** Whether an SMTP server is configured; without one, nothing is queued. */
	boolean enabled();

	/** Queues a plain-text mail; does nothing (and says so in the log) when mail is off. */
	void queue(String recipient, String subject, String body);

	/**
	 * Queues a plain-text mail once per cause and recipient: a second call with the same cause
	 * (an event delivered again) queues nothing.
	 * @param cause what decided the mail, e.g. {@code "transition:<report>:<entry>"}; {@code null}
	 *        for a mail a person asked for now
	 */
	void queue(String recipient, String subject, String body, @Nullable String cause);

	/** A file sent with a mail. */
	record Attachment(String name, String contentType, byte[] content) {
	}

	/** Queues a plain-text mail with one file, once per cause and recipient. */
	void queue(String recipient, String subject, String body, @Nullable String cause, Attachment attachment);

}
