package id.go.jambiprov.lapor.web.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Content-Type the framework's own parser fails on with an index error (found by the fuzz run
 * in bench/: {@code "><script>alert(1)</script>}) is a 415, not a 500.
 */
class ContentTypeFilterTests {

	private static MockHttpServletRequest post(String path, String contentType) {
		return new MockHttpServletRequest("POST", path) {
			@Override
			public String getContentType() {
				return contentType;
			}
		};
	}

	@Test
	void anUnreadableContentTypeIs415AndReachesNothing() throws Exception {
		ContentTypeFilter filter = new ContentTypeFilter(TestProblems.indonesian());
		MockHttpServletResponse refused = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(post("/api/v1/reports", "\"><script>alert(1)</script>"), refused, chain);
		assertThat(refused.getStatus()).isEqualTo(415);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("unsupported-media-type");
		assertThat(chain.getRequest()).isNull();

		MockHttpServletResponse page = new MockHttpServletResponse();
		filter.doFilter(post("/lapor", ";;"), page, new MockFilterChain());
		assertThat(page.getStatus()).isEqualTo(415);
		assertThat(page.getContentType()).startsWith("text/html");

		MockFilterChain passed = new MockFilterChain();
		filter.doFilter(post("/api/v1/reports", "application/json; charset=UTF-8"), new MockHttpServletResponse(), passed);
		assertThat(passed.getRequest()).isNotNull();
	}

}
