package id.go.jambiprov.lapor.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An Indonesian identity number (NIK): sixteen digits: province (a real province code),
 * regency, district, date of birth as DDMMYY (day plus 40 for women), and a serial that is not
 * {@code 0000}.
 */
public record IdentityNumber(String value) {

	/** Province codes of the Dukcapil numbering (Aceh 11 to the Papua provinces 9x). */
	private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35,
			36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97);

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");

	public IdentityNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a NIK");
		}
	}

	public static Optional<IdentityNumber> parse(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(typed).replaceAll("");
		return isValid(digits) ? Optional.of(new IdentityNumber(digits)) : Optional.empty();
	}

	private static boolean isValid(String digits) {
		if (digits == null || digits.length() != 16 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		if (!PROVINCES.contains(Integer.parseInt(digits.substring(0, 2)))) {
			return false;
		}
		int day = Integer.parseInt(digits.substring(6, 8));
		int month = Integer.parseInt(digits.substring(8, 10));
		int year = Integer.parseInt(digits.substring(10, 12));
		if (day > 40) {
			day -= 40;
		}
		try {
			// 20YY is a leap year exactly when 19YY is (but for 1900), so 29 February is judged right
			LocalDate.of(2000 + year, month, day);
		}
		catch (DateTimeException ex) {
			return false;
		}
		return !digits.endsWith("0000");
	}

	/** The number with all but the last four digits masked, for places that need a hint. */
	public String masked() {
		return "************" + this.value.substring(12);
	}

	@Override
	public String toString() {
		return masked();
	}

}
