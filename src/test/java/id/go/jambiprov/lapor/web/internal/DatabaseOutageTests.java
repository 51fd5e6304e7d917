package id.go.jambiprov.lapor.web.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.web.ProblemResponses;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A database that cannot be reached is a 503 with {@code Retry-After}, wherever the request
 * meets it: in a controller, or in a filter before any controller (the session store); a fault
 * of ours stays a 500.
 */
class DatabaseOutageTests {

	private final ProblemResponses problems = TestProblems.indonesian();

	@RestController
	static class Failing {

		@GetMapping("/api/v1/down")
		String down() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
		}

		@GetMapping("/api/v1/bug")
		String bug() {
			throw new IllegalStateException("a fault of ours");
		}

	}

	@Test
	void aControllerThatCannotReachTheDatabaseAnswers503WithRetryAfter() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
			.setControllerAdvice(new ProblemAdvice(this.problems))
			.build();
		MockHttpServletResponse down = mvc.perform(get("/api/v1/down")).andReturn().getResponse();
		assertThat(down.getStatus()).isEqualTo(503);
		assertThat(down.getHeader("Retry-After")).isEqualTo("30");
		assertThat(down.getContentType()).startsWith("application/problem+json");
		assertThat(down.getContentAsString(StandardCharsets.UTF_8)).contains("/problems/service-unavailable");
		assertThat(mvc.perform(get("/api/v1/bug")).andReturn().getResponse().getStatus()).isEqualTo(500);
	}

	@Test
	void aFilterThatCannotReachTheDatabaseIsAnswered503ForTheApiAndForAPerson() throws Exception {
		OutageFilter filter = new OutageFilter(this.problems);
		MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/v1/inbox");
		MockHttpServletResponse apiAnswer = new MockHttpServletResponse();
		filter.doFilter(api, apiAnswer, (request, response) -> {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLException("Connection refused", "08001"));
		});
		assertThat(apiAnswer.getStatus()).isEqualTo(503);
		assertThat(apiAnswer.getHeader("Retry-After")).isEqualTo("30");
		assertThat(apiAnswer.getContentAsString(StandardCharsets.UTF_8)).contains("service-unavailable");

		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/petugas");
		MockHttpServletResponse pageAnswer = new MockHttpServletResponse();
		filter.doFilter(page, pageAnswer, (request, response) -> {
			throw new IllegalStateException("session store",
					new SQLException("terminating connection due to administrator command", "57P01"));
		});
		assertThat(pageAnswer.getStatus()).isEqualTo(503);
		assertThat(pageAnswer.getContentType()).startsWith("text/html");
		assertThat(pageAnswer.getContentAsString(StandardCharsets.UTF_8)).contains("coba lagi dalam satu menit");
	}

	@Test
	void otherFailuresAreNotTakenForAnOutage() {
		assertThat(DatabaseOutage.isOutage(new IllegalStateException("x"))).isFalse();
		assertThat(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
		assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
	}

}
