package id.go.jambiprov.lapor.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Indonesian first, English second: the language a person chose with {@code ?lang=} (kept in a
 * cookie), else the browser's {@code Accept-Language}; anything but English falls back to
 * Indonesian.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	static final String COOKIE = "lapor-lang";

	@Bean
	LocaleResolver localeResolver() {
		return new ChosenOrAcceptedLocaleResolver();
	}

	/**
	 * The static files at their own paths only (the stylesheet, the script, the icon, htmx from
	 * its webjar without a version in the path), with their Last-Modified dates as before. Links to
	 * pages are not looked up as files.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** The chosen language from the cookie, else the accepted one, limited to Indonesian and English. */
	static final class ChosenOrAcceptedLocaleResolver extends AcceptHeaderLocaleResolver {

		ChosenOrAcceptedLocaleResolver() {
			setSupportedLocales(List.of(INDONESIAN, Locale.ENGLISH));
			setDefaultLocale(INDONESIAN);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Object chosen = request.getAttribute(COOKIE);
			if (chosen instanceof Locale locale) {
				return locale;
			}
			if (request.getCookies() != null) {
				for (Cookie cookie : request.getCookies()) {
					if (COOKIE.equals(cookie.getName())) {
						return supported(cookie.getValue());
					}
				}
			}
			try {
				return super.resolveLocale(request);
			}
			catch (RuntimeException unreadable) {
				// an Accept-Language the firewall refuses to read, or one that does not parse
				return INDONESIAN;
			}
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale chosen = supported(locale == null ? null : locale.getLanguage());
			request.setAttribute(COOKIE, chosen);
			if (response != null) {
				Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
				cookie.setPath("/");
				cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
				cookie.setHttpOnly(true);
				cookie.setAttribute("SameSite", "Lax");
				response.addCookie(cookie);
			}
		}

		private static Locale supported(String language) {
			return "en".equals(language) ? Locale.ENGLISH : INDONESIAN;
		}

	}

}
