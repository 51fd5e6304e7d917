package id.go.jambiprov.lapor.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Takes secrets and contact details out of a text before it is logged or stored as an error: a
 * provider's failure message names the address it called (Telegram's carries the bot token in
 * its path), a mail server's names the recipients.
 */
public final class Redaction {

	/** Telegram bot tokens in a path ({@code /bot123456:ABC-...}) or anywhere ({@code 123456:ABC...}). */
	private static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

	private static final Pattern QUERY_SECRET = Pattern
		.compile("(?i)((?:access_token|token|secret|key|signature)=)[^&\\s\"']+");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	/** Phone numbers: eight to fifteen digits, with a leading plus or separators. */
	private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\d[\\d ().-]{7,18}\\d(?![\\w-])");

	private Redaction() {
	}

	public static String redact(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String clean = BOT_TOKEN.matcher(text).replaceAll("[token]");
		clean = BEARER.matcher(clean).replaceAll("$1[token]");
		clean = QUERY_SECRET.matcher(clean).replaceAll("$1[secret]");
		clean = EMAIL.matcher(clean).replaceAll("[e-mail]");
		return PHONE.matcher(clean).replaceAll("[phone]");
	}

}
