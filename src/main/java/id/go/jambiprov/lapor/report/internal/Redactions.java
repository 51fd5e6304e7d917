package id.go.jambiprov.lapor.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The phrases a coordinator hid from the agency in a report's texts (a name, a number, a home
 * address). Applying them replaces every occurrence, whatever its case, with {@link #MARK}; the
 * texts themselves are never changed, so the original stays for those who may read it.
 */
record Redactions(List<String> phrases) {

	/** What the agency reads where a phrase was. */
	static final String MARK = "[disamarkan]";

	static final int MIN_LENGTH = 3;

	static final int MAX_LENGTH = 200;

	static final int MAX_PHRASES = 30;

	static final Redactions NONE = new Redactions(List.of());

	Redactions {
		phrases = List.copyOf(phrases);
	}

	/**
	 * The phrases as given (a text of several lines gives one phrase per line), stripped, blank lines and repeats (ignoring case) left out, longest
	 * first so that a phrase inside a longer one never leaves half of the longer one visible.
	 */
	static Redactions of(List<String> given) {
		Set<String> seen = new LinkedHashSet<>();
		List<String> phrases = new ArrayList<>();
		for (String lines : given) {
			for (String phrase : lines == null ? new String[0] : lines.split("\\R")) {
				String stripped = phrase.strip();
				if (!stripped.isEmpty() && seen.add(stripped.toLowerCase(Locale.ROOT))) {
					phrases.add(stripped);
				}
			}
		}
		phrases.sort(Comparator.comparingInt(String::length).reversed());
		return new Redactions(phrases);
	}

	/** From the stored form: one phrase per line. */
	static Redactions parse(@Nullable String stored) {
		return stored == null || stored.isBlank() ? NONE : of(List.of(stored.split("\n")));
	}

	/** The stored form, or {@code null} when there is nothing to hide. */
	@Nullable
	String stored() {
		return isEmpty() ? null : String.join("\n", this.phrases);
	}

	boolean isEmpty() {
		return this.phrases.isEmpty();
	}

	/** The text as the agency reads it. */
	@Nullable
	String apply(@Nullable String text) {
		if (text == null || isEmpty()) {
			return text;
		}
		String result = text;
		for (String phrase : this.phrases) {
			result = pattern(phrase).matcher(result).replaceAll(Matcher.quoteReplacement(MARK));
		}
		return result;
	}

	/** Whether the phrase occurs in the text, whatever its case. */
	static boolean occursIn(String phrase, @Nullable String text) {
		return text != null && pattern(phrase.strip()).matcher(text).find();
	}

	private static Pattern pattern(String phrase) {
		return Pattern.compile(Pattern.quote(phrase), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
