package id.go.jambiprov.lapor.report;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail address, trimmed, with its domain in lower case. Checks the shape a mail server
 * would accept ({@code local@domain.tld}), not that the mailbox exists.
 */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

	public EmailAddress {
		if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches() || value.startsWith(".")
				|| value.contains("..") || value.substring(0, value.indexOf('@')).endsWith(".")) {
			throw new IllegalArgumentException("Not an e-mail address");
		}
	}

	public static Optional<EmailAddress> parse(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String trimmed = typed.strip();
		int at = trimmed.lastIndexOf('@');
		if (at < 1) {
			return Optional.empty();
		}
		String normalised = trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
		try {
			return Optional.of(new EmailAddress(normalised));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
