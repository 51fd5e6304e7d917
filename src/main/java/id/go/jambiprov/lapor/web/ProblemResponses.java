package id.go.jambiprov.lapor.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.shared.RateLimitExceeded;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link ProblemException} into the RFC 9457 body in the caller's language, for
 * controllers (through the advice) and for filters that answer before any controller runs.
 */
@Component
public class ProblemResponses {

	private final MessageSource messages;

	private final LocaleResolver localeResolver;

	private final JsonMapper json;

	public ProblemResponses(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
		this.messages = messages;
		this.localeResolver = localeResolver;
		this.json = json;
	}

	/** The problem body as an ordered map: type, title, status, detail, instance, extensions. */
	public Map<String, Object> body(ProblemException problem, Locale locale, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", URI.create(ProblemTypes.uri(problem.getType())).toString());
		body.put("title", message("problem.title." + problem.getType(), new Object[0], locale));
		body.put("status", problem.getStatus().value());
		body.put("detail", message(problem.getMessageCode(), problem.getArguments(), locale));
		if (instance != null) {
			body.put("instance", instance);
		}
		if (problem instanceof InvalidInputException invalid) {
			List<FieldProblem> errors = invalid.getViolations()
				.stream()
				.map(v -> new FieldProblem(v.field(), v.code(), message("field." + v.code(), v.arguments(), locale)))
				.toList();
			body.put("errors", errors);
		}
		body.putAll(problem.getProperties());
		return body;
	}

	/** Writes the problem straight to a response, for filters and security entry points. */
	public void write(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Locale locale = locale(request);
		response.setStatus(problem.getStatus().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body(problem, locale, request.getRequestURI()));
	}

	/**
	 * The answer of a controller that failed: a page in the reader's language for a person in a
	 * browser, problem+json (with {@code Retry-After} when the problem says when) for the API.
	 */
	public Object answer(ProblemException problem, HttpServletRequest request) {
		Locale locale = locale(request);
		if (isPage(request)) {
			ModelAndView page = new ModelAndView("error");
			page.setStatus(problem.getStatus());
			page.addObject("status", problem.getStatus().value());
			page.addObject("detail", body(problem, locale, request.getRequestURI()).get("detail"));
			return page;
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Object retryAfter = problem.getProperties().get("retryAfterSeconds");
		if (retryAfter != null) {
			response.header("Retry-After", retryAfter.toString());
		}
		return response.body(body(problem, locale, request.getRequestURI()));
	}

	/** Pages are everything a browser reads outside the API, its documents and the webhooks. */
	public static boolean isPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")
				|| path.startsWith("/webhooks/") || path.startsWith("/swagger-ui"));
	}

	/** The 429 answer to a client past its rate, with the seconds to wait. */
	public static ProblemException tooManyRequests(RateLimitExceeded exceeded) {
		long seconds = exceeded.retryAfterSeconds();
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
				"problem.too-many-requests", seconds)
			.with("retryAfterSeconds", seconds);
	}

	/**
	 * The language of a request (its cookie, else Accept-Language), read without a session; a
	 * header the firewall refuses to read gives Indonesian, so that a problem can still be said.
	 */
	public Locale locale(HttpServletRequest request) {
		try {
			return this.localeResolver.resolveLocale(request);
		}
		catch (RuntimeException unreadable) {
			return Locale.forLanguageTag("id");
		}
	}

	/** A message in the current request's language. */
	public String message(String code, Object... arguments) {
		return message(code, arguments, LocaleContextHolder.getLocale());
	}

	private String message(String code, Object[] arguments, Locale locale) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

}
