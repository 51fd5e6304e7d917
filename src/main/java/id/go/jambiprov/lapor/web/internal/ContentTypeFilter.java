package id.go.jambiprov.lapor.web.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose {@code Content-Type} cannot be read is answered 415 before anything reads
 * it: some malformed values make the framework's own parser fail with an index error (found by
 * the fuzz run in {@code bench/}), which would otherwise be a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ContentTypeFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	ContentTypeFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && !readable(type)) {
			ProblemException unsupported = new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type");
			if (ProblemResponses.isPage(request)) {
				OutageFilter.plainPage(request, response, this.problems, unsupported);
			}
			else {
				this.problems.write(unsupported, request, response);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean readable(String contentType) {
		try {
			MediaType.parseMediaType(contentType);
			return true;
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

}
