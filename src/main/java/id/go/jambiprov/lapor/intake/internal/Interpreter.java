package id.go.jambiprov.lapor.intake.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.go.jambiprov.lapor.report.Channel;

/**
 * Reads what a sender asks for. Keywords, in any case, on every channel: {@code CEK <code>}
 * (where is my report), {@code INFO <code> <text>} (add to my report), {@code LAPOR <text>}
 * (file a report) and {@code NILAI <code> <1-5>} (rate a closed report; a bare 1 to 5 rates the
 * sender's latest report, as the invitation to rate asks). On SMS nothing else is understood (a short help is the answer); on the chat
 * channels any other text is a report, or part of the sender's conversation.
 */
final class Interpreter {

	sealed interface Command {
	}

	record Check(String code) implements Command {
	}

	record Info(String code, String text) implements Command {
	}

	/** Text for a report: a new one, or the sender's current conversation. */
	record Report(String text) implements Command {
	}

	record Help() implements Command {
	}

	/** A rating of 1 to 5 for a closed report: the one named, or the sender's latest ({@code code} null). */
	record Rate(String code, int rating) implements Command {
	}

	// a tracking code is 12 digits, typed with or without dashes or spaces
	private static final String CODE = "(\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{4})";

	private static final Pattern CHECK = Pattern.compile("(?is)^\\s*CEK\\s+" + CODE + "\\s*$");

	private static final Pattern INFO = Pattern.compile("(?is)^\\s*INFO\\s+" + CODE + "\\s+(\\S.*)$");

	private static final Pattern REPORT = Pattern.compile("(?is)^\\s*LAPOR(?:\\s+(.*))?$");

	private static final Pattern RATE = Pattern.compile("(?is)^\\s*NILAI\\s+" + CODE + "\\s+([1-5])\\s*$");

	/** A bare 1 to 5, as the invitation to rate asks. */
	private static final Pattern DIGIT = Pattern.compile("^\\s*([1-5])\\s*[.!]?\\s*$");

	private static final Pattern KEYWORD = Pattern.compile("(?is)^\\s*(CEK|INFO|LAPOR|NILAI)\\b.*");

	private Interpreter() {
	}

	static Command read(Channel channel, String text) {
		String given = text == null ? "" : text.strip();
		Matcher m = CHECK.matcher(given);
		if (m.matches()) {
			return new Check(m.group(1));
		}
		m = INFO.matcher(given);
		if (m.matches()) {
			return new Info(m.group(1), m.group(2).strip());
		}
		m = RATE.matcher(given);
		if (m.matches()) {
			return new Rate(m.group(1), Integer.parseInt(m.group(2)));
		}
		m = DIGIT.matcher(given);
		if (m.matches()) {
			return new Rate(null, Integer.parseInt(m.group(1)));
		}
		m = REPORT.matcher(given);
		if (m.matches()) {
			String body = m.group(1) == null ? "" : m.group(1).strip();
			return body.isEmpty() ? new Help() : new Report(body);
		}
		if (channel == Channel.SMS || KEYWORD.matcher(given).matches()) {
			// SMS speaks keywords only; a keyword with the wrong shape ("CEK" alone) gets the help
			return new Help();
		}
		return new Report(given);
	}

}
