package id.go.jambiprov.lapor.web.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Indonesian first, English second: the language comes from {@code Accept-Language}, and
 * anything but English falls back to Indonesian.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(INDONESIAN, Locale.ENGLISH));
		resolver.setDefaultLocale(INDONESIAN);
		return resolver;
	}

}
