package id.go.jambiprov.lapor.web.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class WriteRateLimitFilterTests {

	private final WriteRateLimitFilter filter = new WriteRateLimitFilter(true, 3, TestProblems.indonesian());

	private MockHttpServletResponse post(String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aFloodFromOneAddressIsAnsweredWith429AndWhenToComeBack() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(post("10.0.0.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = post("10.0.0.1");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getHeader("Retry-After")).matches("\\d+");
		assertThat(refused.getContentAsString()).contains("too-many-requests", "Terlalu banyak permintaan");
		assertThat(post("10.0.0.2").getStatus()).as("another address is not affected").isEqualTo(200);
	}

	@Test
	void thePublicFormsAreLimitedLikeTheApiAndAPersonReadsWhy() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(postPage("/lapor", "10.0.0.7").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = postPage("/masuk", "10.0.0.7");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("text/html");
		assertThat(refused.getHeader("Retry-After")).matches("\\d+");
		assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Terlalu banyak permintaan");
		assertThat(postPage("/petugas/laporan/1/aksi/receive", "10.0.0.7").getStatus())
			.as("officers' forms, behind sign-in, are not counted here").isEqualTo(200);
	}

	private MockHttpServletResponse postPage(String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void readsAreNotCounted() throws Exception {
		for (int i = 0; i < 10; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/track/123");
			request.setRemoteAddr("10.0.0.3");
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(request, response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}

}
