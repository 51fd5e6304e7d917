package id.go.jambiprov.lapor.report;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCodeTests {

	@Property
	void everySingleMistypedDigitIsCaught(@ForAll long seed, @ForAll @IntRange(min = 0, max = 11) int position,
			@ForAll @IntRange(min = 1, max = 9) int shift) {
		String code = TrackingCode.random(new Random(seed)).value();
		char[] digits = code.toCharArray();
		digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
		assertThat(TrackingCode.parse(new String(digits))).isEmpty();
	}

	@Property
	void everySwapOfNeighbouringDigitsIsCaught(@ForAll long seed, @ForAll @IntRange(min = 0, max = 10) int position) {
		String code = TrackingCode.random(new Random(seed)).value();
		char[] digits = code.toCharArray();
		if (digits[position] == digits[position + 1]) {
			return;
		}
		char swap = digits[position];
		digits[position] = digits[position + 1];
		digits[position + 1] = swap;
		assertThat(TrackingCode.parse(new String(digits))).isEmpty();
	}

	@Property
	void aCodeReadsBackHoweverItIsTyped(@ForAll long seed) {
		TrackingCode code = TrackingCode.random(new Random(seed));
		assertThat(TrackingCode.parse(code.formatted())).contains(code);
		assertThat(TrackingCode.parse(" " + code.value().substring(0, 6) + " " + code.value().substring(6)))
			.contains(code);
	}

	@Test
	void codesAreShortDigitsOnlyAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			TrackingCode code = TrackingCode.random();
			assertThat(code.formatted()).matches("[1-9]\\d{3}-\\d{4}-\\d{4}");
			seen.add(code.value());
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void lettersAndWrongLengthsAreNotCodes() {
		assertThat(TrackingCode.parse("ABCD-EFGH-IJKL")).isEmpty();
		assertThat(TrackingCode.parse("1234")).isEmpty();
		assertThat(TrackingCode.parse(null)).isEmpty();
	}

}
