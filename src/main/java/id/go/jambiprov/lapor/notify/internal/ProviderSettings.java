package id.go.jambiprov.lapor.notify.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The part of {@code lapor.channels.*} that answers: access tokens and API addresses. (The
 * intake module reads the webhook secrets of the same keys.) A channel without its token sends
 * nothing.
 */
@ConfigurationProperties("lapor.channels")
record ProviderSettings(@DefaultValue Api whatsapp, @DefaultValue Api instagram, @DefaultValue XApi x,
		@DefaultValue TelegramApi telegram, @DefaultValue SmsApi sms) {

	/**
	 * @param updateTemplate WhatsApp only: an approved message template with one body
	 *        parameter, used when the citizen's last message is older than WhatsApp's 24-hour
	 *        window (free text is refused then, error 131047)
	 * @param templateLanguage its language code
	 */
	record Api(String accessToken, String phoneNumberId, String accountId,
			@DefaultValue("https://graph.facebook.com/v21.0") String apiBase,
			@DefaultValue("80") int perSecond, String updateTemplate, @DefaultValue("id") String templateLanguage) {
	}

	record XApi(String bearerToken, @DefaultValue("https://api.x.com") String apiBase,
			@DefaultValue("5") int perSecond) {
	}

	record TelegramApi(String botToken, @DefaultValue("https://api.telegram.org") String apiBase,
			@DefaultValue("30") int perSecond) {
	}

	record SmsApi(String secret, String sendUrl, @DefaultValue Gammu gammu, @DefaultValue("5") int perSecond) {
	}

	record Gammu(String url, String username, String password) {
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
