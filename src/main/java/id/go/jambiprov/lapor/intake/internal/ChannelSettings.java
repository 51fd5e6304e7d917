package id.go.jambiprov.lapor.intake.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lapor.channels.*}: each channel is off until its secret is set. The access tokens used
 * to answer on a channel are read by the notify module from the same keys.
 *
 * @param conversationWindow how long after a sender's last message a new one still adds to the
 *        same report (while it has not been forwarded)
 * @param perSenderPerTenMinutes messages one sender may send in ten minutes before further ones
 *        are stored but ignored
 * @param perChannelPerSecond webhook calls per channel and second before 429
 */
@ConfigurationProperties("lapor.channels")
public record ChannelSettings(@DefaultValue("PT10M") Duration conversationWindow,
		@DefaultValue("30") long perSenderPerTenMinutes, @DefaultValue("2000") long perChannelPerSecond,
		@DefaultValue Meta whatsapp, @DefaultValue Meta instagram, @DefaultValue X x,
		@DefaultValue Telegram telegram, @DefaultValue Sms sms, @DefaultValue Email email) {

	/** WhatsApp Cloud API and Instagram: Meta's webhook scheme. */
	public record Meta(String appSecret, String verifyToken, String accessToken, String phoneNumberId, String accountId,
			@DefaultValue("https://graph.facebook.com/v21.0") String apiBase) {

		public boolean enabled() {
			return present(this.appSecret);
		}

	}

	public record X(String consumerSecret, String userId, String bearerToken,
			@DefaultValue("https://api.x.com") String apiBase) {

		public boolean enabled() {
			return present(this.consumerSecret);
		}

	}

	public record Telegram(String secretToken, String botToken, @DefaultValue("https://api.telegram.org") String apiBase) {

		public boolean enabled() {
			return present(this.secretToken);
		}

	}

	/** The generic HTTP SMS gateway (webhook in, HTTP out) and, separately, a Gammu SMSD database. */
	public record Sms(String secret, String sendUrl, @DefaultValue Gammu gammu) {

		public boolean enabled() {
			return present(this.secret);
		}

	}

	public record Gammu(String url, String username, String password) {

		public boolean enabled() {
			return present(this.url);
		}

	}

	/** An IMAP mailbox (pengaduan@...), polled; replies go out through the mail module (SMTP). */
	public record Email(String host, @DefaultValue("993") int port, @DefaultValue("imaps") String protocol, String username,
			String password, @DefaultValue("INBOX") String folder) {

		public boolean enabled() {
			return present(this.host);
		}

	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
