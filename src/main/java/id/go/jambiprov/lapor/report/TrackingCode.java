package id.go.jambiprov.lapor.report;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The code a reporter follows a report by: twelve digits, typeable on any phone keypad, drawn
 * at random (not sequential, not guessable) with a Damm check digit at the end, which catches
 * every single mistyped digit and every swap of two neighbouring digits. Shown as
 * {@code 4821-7730-1956}; read with or without the dashes and spaces.
 */
public record TrackingCode(String value) {

	private static final int LENGTH = 12;

	private static final int[][] DAMM = { { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
			{ 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 }, { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 }, { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
			{ 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 }, { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
			{ 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 }, { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 } };

	private static final RandomGenerator RANDOM = new SecureRandom();

	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	public TrackingCode {
		if (value == null || value.length() != LENGTH || !value.chars().allMatch(Character::isDigit)
				|| checksum(value) != 0) {
			throw new IllegalArgumentException("Not a tracking code: " + value);
		}
	}

	/** A new random code. */
	public static TrackingCode random() {
		return random(RANDOM);
	}

	static TrackingCode random(RandomGenerator random) {
		StringBuilder digits = new StringBuilder(LENGTH);
		digits.append(1 + random.nextInt(9));
		while (digits.length() < LENGTH - 1) {
			digits.append(random.nextInt(10));
		}
		digits.append(checksum(digits));
		return new TrackingCode(digits.toString());
	}

	/**
	 * Reads a code as a person typed it.
	 * @return the code, or empty when it is not one (wrong length, a letter, a typo caught by
	 * the check digit)
	 */
	public static Optional<TrackingCode> parse(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(typed).replaceAll("");
		if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
				|| checksum(digits) != 0) {
			return Optional.empty();
		}
		return Optional.of(new TrackingCode(digits));
	}

	static int checksum(CharSequence digits) {
		int interim = 0;
		for (int i = 0; i < digits.length(); i++) {
			interim = DAMM[interim][digits.charAt(i) - '0'];
		}
		return interim;
	}

	/** The code in groups of four, as printed for people. */
	public String formatted() {
		return this.value.substring(0, 4) + "-" + this.value.substring(4, 8) + "-" + this.value.substring(8);
	}

	@Override
	public String toString() {
		return formatted();
	}

}
