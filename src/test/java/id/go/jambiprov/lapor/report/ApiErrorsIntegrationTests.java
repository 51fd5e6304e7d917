package id.go.jambiprov.lapor.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bad input gets a clear problem+json answer with a stable type, in Indonesian by default and in
 * English on request; never a 500, never a stack trace.
 */
class ApiErrorsIntegrationTests extends ApiTestSupport {

	@Autowired
	UserAdministration users;

	private JsonNode problem(int status, MockHttpServletRequestBuilder request) {
		try {
			var response = this.mvc.perform(request).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(status);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(body).doesNotContain("Exception", "at id.go", "at org.");
			return this.json.readTree(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void hostileInputFoundByTheFuzzRunIsTheCallersMistakeNeverA500() {
		// header values HTTP does not allow, which the firewall refuses when they are read
		call(post("/webhooks/sms").header("X-Signature", "sha256=\u00f0\u009f").contentType(MediaType.APPLICATION_JSON)
			.content("{}"), 400);
		call(get("/api/v1/sop").header("Accept-Language", "\u00e2\u0080\u00ae"), 200);
		// a NUL byte in a username, which PostgreSQL refuses to compare
		call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"nasional\\u0000x\",\"password\":\"salah\"}"), 401);
	}

	@Test
	void malformedJsonIsABadRequest() {
		JsonNode problem = problem(400,
				post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"COMPLAINT\","));
		assertThat(problem.get("type").asString()).isEqualTo("https://lapor.jambiprov.go.id/problems/malformed-request");
		assertThat(problem.get("detail").asString()).contains("JSON");
	}

	@Test
	void anEmptyBodyIsABadRequest() {
		problem(400, post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON));
	}

	@Test
	void anUnknownEnumValueNamesTheFieldAndTheChoices() {
		Map<String, Object> body = reportBody(false, false);
		body.put("type", "GOSSIP");
		JsonNode problem = problem(400, createRequest(body));
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("type");
		assertThat(error.get("message").asString()).contains("COMPLAINT", "ASPIRATION", "INFORMATION_REQUEST");
	}

	@Test
	void aWrongTypeNamesTheField() {
		Map<String, Object> body = reportBody(false, false);
		body.put("location", Map.of("latitude", "far north"));
		JsonNode problem = problem(400, createRequest(body));
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("location.latitude");
	}

	@Test
	void missingFieldsAreAllNamedAtOnce() {
		JsonNode problem = problem(400, createRequest(Map.of("reporter", Map.of("name", "Siti"))));
		assertThat(problem.get("type").asString()).endsWith("/invalid-input");
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("type", "title", "description", "reporter");
	}

	@Test
	void theDecreesContactRuleIsExplained() {
		Map<String, Object> body = reportBody(false, false);
		body.put("reporter", Map.of("name", "Siti"));
		JsonNode problem = problem(400, createRequest(body));
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("reporter");
		assertThat(error.get("code").asString()).isEqualTo("contact-required");
		assertThat(error.get("message").asString()).contains("e-mail", "NIK");
	}

	@Test
	void invalidContactsAreRefusedAndValidOnesNormalised() {
		Map<String, Object> body = reportBody(false, false);
		body.put("reporter", Map.of("email", "not-an-email", "phone", "12", "identityNumber", "1234"));
		JsonNode problem = problem(400, createRequest(body));
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("reporter.email", "reporter.phone", "reporter.identityNumber");

		body.put("reporter", Map.of("phone", "+62 812 3456 7890", "identityNumber", "1571014506900003"));
		JsonNode created = call(createRequest(body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		JsonNode reporter = viewAsReporter(report).get("reporter");
		assertThat(reporter.get("phone").asString()).isEqualTo("+6281234567890");
		assertThat(reporter.get("identityNumber").asString()).isEqualTo("1571014506900003");
	}

	@Test
	void anOversizedBodyIsRefused() {
		Map<String, Object> body = reportBody(false, false);
		body.put("description", "x".repeat(100_000));
		JsonNode problem = problem(413, createRequest(body));
		assertThat(problem.get("type").asString()).endsWith("/payload-too-large");
	}

	@Test
	void aTooLongFieldIsNamed() {
		Map<String, Object> body = reportBody(false, false);
		body.put("title", "x".repeat(201));
		JsonNode problem = problem(400, createRequest(body));
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("title");
	}

	@Test
	void anUnknownActionIsNotFound() {
		Fixture report = submit();
		JsonNode problem = problem(404, actionRequest(report, "teleport", "nasional", Map.of()));
		assertThat(problem.get("type").asString()).endsWith("/unknown-action");
		problem(404, actionRequest(report, "submit", "nasional", Map.of()));
	}

	@Test
	void anActionWithoutItsRequiredFieldNamesIt() {
		Fixture report = reach(ReportStatus.VERIFIED);
		JsonNode problem = problem(400, actionRequest(report, "assign", "koordinator", Map.of()));
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("agency");
		JsonNode unknown = problem(400, actionRequest(report, "assign", "koordinator", Map.of("agency", "NASA")));
		assertThat(unknown.get("errors").get(0).get("code").asString()).isEqualTo("unknown-agency");
		JsonNode retired = problem(400, actionRequest(report, "assign", "koordinator", Map.of("agency", "PUPR")));
		assertThat(retired.get("errors").get(0).get("message").asString()).contains("PUTR");
	}

	@Test
	void noCredentialsIsUnauthorized() {
		Fixture report = submit();
		JsonNode problem = problem(401, post("/api/v1/reports/{code}/actions/forward", report.code())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"JAMBI\"}"));
		assertThat(problem.get("type").asString()).endsWith("/unauthenticated");
		problem(401, get("/api/v1/inbox"));
	}

	@Test
	void aBadTokenIsUnauthorized() {
		problem(401, get("/api/v1/inbox").header("Authorization", "Bearer not.a.token"));
	}

	@Test
	void wrongCredentialsAreUnauthorizedWithoutSayingWhichPartWasWrong() {
		JsonNode wrongPassword = problem(401, post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"koordinator\",\"password\":\"salah\"}"));
		JsonNode unknownUser = problem(401, post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"tidakada\",\"password\":\"salah\"}"));
		assertThat(wrongPassword.get("detail")).isEqualTo(unknownUser.get("detail"));
	}

	@Test
	void repeatedFailedLoginsAreThrottledEvenForTheRightPassword() throws Exception {
		this.users.createIfAbsent(new NewUser("sasaran", "benar12345", "Sasaran",
				Role.COORDINATOR, "JAMBI", null));
		for (int i = 0; i < 10; i++) {
			problem(401, post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"sasaran\",\"password\":\"tebakan" + i + "\"}"));
		}
		var response = this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"Sasaran\",\"password\":\"benar12345\"}")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).matches("\\d+");
		assertThat(response.getContentAsString()).contains("too-many-requests");
	}

	@Test
	void messagesAreIndonesianByDefaultAndEnglishOnRequest() {
		Fixture report = reach(ReportStatus.ANSWERED);
		JsonNode indonesian = problem(409, actionRequest(report, "accept", "dinkes", Map.of()));
		assertThat(indonesian.get("detail").asString()).contains("tidak dapat dilakukan");
		assertThat(indonesian.get("currentStatus").asString()).isEqualTo("ANSWERED");
		JsonNode english = problem(409,
				actionRequest(report, "accept", "dinkes", Map.of()).header("Accept-Language", "en-US,en;q=0.8"));
		assertThat(english.get("detail").asString()).contains("is not possible while the report is ANSWERED");
		assertThat(english.get("type")).isEqualTo(indonesian.get("type"));
	}

	@Test
	void anUnknownPathAndAWrongMethodGetProblems() {
		problem(404, get("/api/v1/nothing-here"));
		problem(405, delete("/api/v1/sop"));
	}

	@Test
	void aBadInboxCursorIsABadRequest() {
		problem(400, get("/api/v1/inbox").param("cursor", "garbage!").header("Authorization",
				"Bearer " + token("koordinator")));
		problem(400, get("/api/v1/inbox").param("status", "NOPE").header("Authorization",
				"Bearer " + token("koordinator")));
	}

}
