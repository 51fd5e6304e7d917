package id.go.jambiprov.lapor.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The pages' view of an {@link InvalidInputException}: each offending field with its message in
 * the reader's language, in the order the rules were checked, ready to show next to its field.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** @return field name (as the API names it, e.g. {@code reporter.email}) to message */
	public static Map<String, String> of(InvalidInputException invalid, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidInputException.Violation violation : invalid.getViolations()) {
			errors.putIfAbsent(violation.field(),
					messages.getMessage("field." + violation.code(), violation.arguments(), violation.code(), locale));
		}
		return errors;
	}

}
