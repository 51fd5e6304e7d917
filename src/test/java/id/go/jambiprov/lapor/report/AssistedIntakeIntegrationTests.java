package id.go.jambiprov.lapor.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Reports that came by letter, at the front desk, by telephone or as a public post are filed by
 * the coordinator or the national admin, with the time the desk received them: decree step 1 is
 * measured from then. Nobody else may claim those channels.
 */
class AssistedIntakeIntegrationTests extends ChannelTestSupport {

	private static Map<String, Object> letter(String receivedAt) {
		Map<String, Object> body = reportBody(false, false);
		body.put("channel", "LETTER");
		if (receivedAt != null) {
			body.put("receivedAt", receivedAt);
		}
		return body;
	}

	private MockHttpServletRequestBuilder as(String username, Map<String, Object> body) {
		MockHttpServletRequestBuilder request = post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body));
		return username == null ? request : request.header("Authorization", "Bearer " + token(username));
	}

	@Test
	void theCoordinatorFilesALetterAndStepOneRunsFromItsArrival() {
		// received on Thursday 19 November at 09:00 WIB, filed on Monday 23 November: step 1 is late
		JsonNode created = call(as("koordinator", letter("2026-11-19T09:00:00+07:00")), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");

		JsonNode view = view(report, "nasional");
		assertThat(view.get("channel").asString()).isEqualTo("LETTER");
		JsonNode first = timeline(report, "nasional").get(0);
		assertThat(first.get("action").asString()).isEqualTo("submit");
		assertThat(first.get("actor").get("username").asString()).isEqualTo("koordinator");
		assertThat(first.get("dueAt").asString()).startsWith("2026-11-20T");
		assertThat(first.get("met").asBoolean()).isFalse();

		// the citizen reads it with the key the receipt carries, as any reporter
		assertThat(viewAsReporter(report).get("title").asString()).isEqualTo("Jalan berlubang di Jl. Sudirman");
	}

	@Test
	void aReportReceivedAtTheDeskJustNowIsOnTime() {
		Map<String, Object> body = letter(null);
		body.put("channel", "WALK_IN");
		JsonNode created = call(as("nasional", body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		assertThat(view(report, "nasional").get("channel").asString()).isEqualTo("WALK_IN");
		assertThat(timeline(report, "nasional").get(0).get("met").asBoolean()).isTrue();
	}

	@Test
	void thePublicAndOtherOfficersMayNotClaimAnAssistedChannel() {
		for (String channel : new String[] { "LETTER", "WALK_IN", "PHONE", "SOCIAL_MEDIA" }) {
			Map<String, Object> body = letter(null);
			body.put("channel", channel);
			JsonNode refused = call(as(null, body), 403);
			assertThat(refused.get("type").asString()).endsWith("/assisted-channel");
			assertThat(refused.get("detail").asString()).contains(channel);
		}
		call(as("dinkes", letter(null)), 403);
		call(as("pengawas", letter(null)), 403);
		call(as("warga", letter(null)), 403);
		// a messaging channel is never claimed through the API, by anyone
		Map<String, Object> sms = letter(null);
		sms.put("channel", "SMS");
		assertThat(call(as("koordinator", sms), 400).toString()).contains("channel");
	}

	@Test
	void theTimeReceivedIsCheckedAndOnlyForAssistedChannels() {
		assertThat(call(as("koordinator", letter("2026-11-24T09:00:00+07:00")), 400).toString())
			.contains("receivedAt");
		assertThat(call(as("koordinator", letter("2026-09-01T09:00:00+07:00")), 400).toString())
			.contains("receivedAt");
		Map<String, Object> web = reportBody(false, false);
		web.put("receivedAt", "2026-11-20T09:00:00+07:00");
		assertThat(call(as(null, web), 400).toString()).contains("receivedAt");
	}

	@Test
	void aCallersPhoneNumberGetsTheUpdatesBySms() {
		Map<String, Object> body = letter(null);
		body.put("channel", "PHONE");
		body.put("reporter", Map.of("name", "Pak Harun", "phone", "0812-5555-0101"));
		JsonNode created = call(as("koordinator", body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "hold", "koordinator", Map.of("reason", "Mohon sebutkan nama jalan dan kelurahannya."));
		awaitListeners("ReporterUpdates");
		String recipient = this.jdbc
			.sql("select channel || ':' || recipient from outbound_message where report_code in (?, ?)")
			.params(report.code(), report.code().replace("-", ""))
			.query(String.class)
			.single();
		assertThat(recipient).isEqualTo("SMS:+6281255550101");
	}

	@Test
	void theReceiptPdfNeedsTheCodeAndTheKeyTogether() throws Exception {
		Fixture report = submit();
		var pdf = this.mvc.perform(post("/tanda-terima.pdf").with(csrf()).param("code", report.code())
			.param("key", report.accessKey())).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(this.mvc.perform(post("/tanda-terima.pdf").with(csrf()).param("code", report.code())
			.param("key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(post("/tanda-terima.pdf").with(csrf()).param("code", report.code()))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theDeskFormIsForTheCoordinatorAndTheNationalAdminOnly() throws Exception {
		Cookie liaison = this.mvc.perform(post("/masuk").with(csrf()).param("username", "dinkes")
			.param("password", "demo12345")).andReturn().getResponse().getCookie("SESSION");
		var refused = this.mvc.perform(get("/petugas/catat").cookie(liaison)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Hanya Admin Koordinator");
		Cookie coordinator = this.mvc.perform(post("/masuk").with(csrf()).param("username", "koordinator")
			.param("password", "demo12345")).andReturn().getResponse().getCookie("SESSION");
		assertThat(this.mvc.perform(get("/petugas/catat").cookie(coordinator)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("name=\"receivedAt\"", "channel-LETTER");
		// the public form offers no channel to choose
		assertThat(this.mvc.perform(get("/lapor")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain("channel-LETTER");
	}

}
