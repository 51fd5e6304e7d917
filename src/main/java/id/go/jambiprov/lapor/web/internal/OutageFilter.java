package id.go.jambiprov.lapor.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The outermost filter: a database outage met anywhere in a request (the session store, the
 * security filters, a controller) is answered 503 with {@code Retry-After} (problem+json for
 * the API, a plain page for a person), never 500. Controllers' own failures are answered by
 * {@link ProblemAdvice} the same way; this catches what happens outside them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

	private final ProblemResponses problems;

	OutageFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException failure) {
			if (!DatabaseOutage.isOutage(failure) || response.isCommitted()) {
				throw failure;
			}
			log.warn("Database unreachable during {} {}: {}", request.getMethod(), request.getRequestURI(),
					String.valueOf(failure.getMessage()));
			answer(request, response, this.problems);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static ProblemException problem() {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"problem.service-unavailable")
			.with("retryAfterSeconds", DatabaseOutage.RETRY_AFTER_SECONDS);
	}

	/** Writes the 503 without touching the database, the session or a template. */
	static void answer(HttpServletRequest request, HttpServletResponse response, ProblemResponses problems)
			throws IOException {
		response.resetBuffer();
		response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
		if (!ProblemResponses.isPage(request)) {
			problems.write(problem(), request, response);
			return;
		}
		plainPage(request, response, problems, problem());
	}

	/**
	 * A problem as a page for a person, written without the database, the session or a template
	 * (it is what is left when they fail, or before they are reached).
	 */
	static void plainPage(HttpServletRequest request, HttpServletResponse response, ProblemResponses problems,
			ProblemException problem) throws IOException {
		Locale locale = problems.locale(request);
		Map<String, Object> body = problems.body(problem, locale, request.getRequestURI());
		boolean english = "en".equals(locale.getLanguage());
		String title = String.valueOf(body.get("title"));
		String detail = String.valueOf(body.get("detail"));
		response.setStatus(problem.getStatus().value());
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + (english ? "en" : "id") + "\"><head>"
				+ "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
				+ "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">"
				+ (english ? "Home" : "Beranda") + "</a></p></main></body></html>")
			.getBytes(StandardCharsets.UTF_8));
	}

}
