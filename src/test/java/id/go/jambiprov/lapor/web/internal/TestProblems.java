package id.go.jambiprov.lapor.web.internal;

import java.util.Locale;

import id.go.jambiprov.lapor.web.ProblemResponses;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Problem responses over the real message bundles, in Indonesian, for filter and advice tests. */
final class TestProblems {

	private TestProblems() {
	}

	static ProblemResponses indonesian() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ProblemResponses(messages, new FixedLocaleResolver(Locale.forLanguageTag("id")),
				JsonMapper.builder().build());
	}

}
