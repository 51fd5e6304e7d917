package id.go.jambiprov.lapor.report;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number in E.164 form ({@code +62812...}). Indonesian numbers may be typed the local
 * way ({@code 0812-3456-7890}, {@code 62812...}); validity follows Google's libphonenumber
 * metadata, so a number too short or too long for its network is refused.
 */
public record PhoneNumber(String e164) {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	public PhoneNumber {
		if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
			throw new IllegalArgumentException("Not an E.164 number: " + e164);
		}
	}

	public static Optional<PhoneNumber> parse(@Nullable String typed) {
		if (typed == null || typed.isBlank() || typed.length() > 32) {
			return Optional.empty();
		}
		String cleaned = typed.strip();
		if (cleaned.matches("62\\d{8,13}")) {
			cleaned = "+" + cleaned;
		}
		try {
			Phonenumber.PhoneNumber number = UTIL.parse(cleaned, "ID");
			if (!UTIL.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** As Indonesians write it (0812-3456-7890 style for Indonesian numbers), the international form otherwise. */
	public String national() {
		try {
			var number = UTIL.parse(this.e164, "ID");
			return number.getCountryCode() == 62
					? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
					: UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return this.e164;
		}
	}

	@Override
	public String toString() {
		return this.e164;
	}

}
