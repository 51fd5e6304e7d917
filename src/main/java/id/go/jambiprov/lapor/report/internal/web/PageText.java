package id.go.jambiprov.lapor.report.internal.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write times: the day and the hour in Jakarta time, in the reader's language.
 */
final class PageText {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'");

	private PageText() {
	}

	static String when(OffsetDateTime time, Locale locale) {
		return time == null ? null : time.format(WHEN.withLocale(locale));
	}

}
