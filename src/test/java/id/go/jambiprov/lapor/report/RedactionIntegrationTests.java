package id.go.jambiprov.lapor.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The coordinator hides what identifies a person in a report's texts from the agency (issue 11,
 * item 4): the liaison and the supervisor read {@code [disamarkan]}, everywhere they could read
 * or search the text; the original stays for the coordinator, the national admin and the
 * reporter; every change is logged.
 */
class RedactionIntegrationTests extends ApiTestSupport {

	private static final String NAME = "Rahmat Hidayat";

	private static final String PHONE = "0813-9988-7766";

	/** A report whose reporter wrote who they are into the chronology, and the address of their home. */
	private Fixture telling() {
		Map<String, Object> body = reportBody(true, false);
		body.put("title", "Puskesmas tutup, lapor " + NAME);
		body.put("description", "Saya " + NAME + " (HP " + PHONE + ") tiga kali datang ke puskesmas dan tutup. "
				+ "Hubungi saya kapan saja.");
		body.put("location", Map.of("address", "Rumah " + NAME + ", RT 05 Telanaipura", "regency", "Kota Jambi"));
		JsonNode created = call(createRequest(body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator", Map.of("note", "Pelapor " + NAME + " minta dihubungi"));
		return report;
	}

	private MockHttpServletRequestBuilder redaction(Fixture report, String username, Object phrases) {
		return put("/api/v1/reports/{code}/redaction", report.code()).contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("phrases", phrases)))
			.header("Authorization", "Bearer " + token(username));
	}

	private String inbox(String username) {
		return call(get("/api/v1/inbox").param("limit", "100").header("Authorization", "Bearer " + token(username)),
				200).toString();
	}

	@Test
	void theAgencyAndTheSupervisorReadThePhrasesHiddenAndTheCoordinatorTheOriginal() {
		Fixture report = telling();
		JsonNode redacted = call(redaction(report, "koordinator", List.of(NAME, PHONE)), 200);
		assertThat(redacted.get("redactions").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder(NAME, PHONE);
		assertThat(redacted.get("description").asString()).contains(NAME, PHONE);

		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		act(report, "accept", "dinkes");
		for (String officer : List.of("dinkes", "pengawas")) {
			JsonNode seen = view(report, officer);
			assertThat(seen.get("description").asString())
				.isEqualTo("Saya [disamarkan] (HP [disamarkan]) tiga kali datang ke puskesmas dan tutup. "
						+ "Hubungi saya kapan saja.");
			assertThat(seen.get("title").asString()).isEqualTo("Puskesmas tutup, lapor [disamarkan]");
			assertThat(seen.get("location").get("address").asString()).isEqualTo("Rumah [disamarkan], RT 05 Telanaipura");
			assertThat(seen.get("redactions").isNull()).isTrue();
			assertThat(seen.toString()).doesNotContain("Rahmat", "9988");
			assertThat(timeline(report, officer).toString()).doesNotContain("Rahmat").contains("Pelapor [disamarkan]");
			String inbox = inbox(officer);
			assertThat(inbox).contains(report.code()).doesNotContain("Rahmat");
		}
		assertThat(view(report, "koordinator").toString()).contains(NAME, PHONE);
		assertThat(view(report, "nasional").get("description").asString()).contains(NAME);
		assertThat(viewAsReporter(report).get("description").asString()).contains(NAME);
		assertThat(viewAsReporter(report).get("redactions").isNull()).isTrue();
	}

	@Test
	void theAgencyCannotFindAReportByAPhraseHiddenFromIt() throws Exception {
		Fixture report = telling();
		call(redaction(report, "koordinator", List.of(NAME)), 200);
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");

		assertThat(officerInbox("dinkes", "Hidayat")).doesNotContain(report.code());
		assertThat(officerInbox("dinkes", "puskesmas tutup")).contains(report.code());
		assertThat(officerInbox("pengawas", "Rahmat")).doesNotContain(report.code());
		assertThat(officerInbox("pengawas", "disamarkan")).contains(report.code());
	}

	@Test
	void onlyTheCoordinatorAndTheNationalAdminRedactAndOnlyWhatIsInTheReport() {
		Fixture report = telling();
		call(redaction(report, "koordinator", List.of("Siti Aminah")), 400);
		JsonNode tooShort = call(redaction(report, "koordinator", List.of("Ra")), 400);
		assertThat(tooShort.get("errors").get(0).get("field").asString()).isEqualTo("phrases");
		call(redaction(report, "dinkes", List.of(NAME)), 403);
		call(redaction(report, "pengawas", List.of(NAME)), 403);
		call(put("/api/v1/reports/{code}/redaction", report.code()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"phrases\":[\"" + NAME + "\"]}")
			.header("X-Access-Key", report.accessKey()), 401);
		call(redaction(report, "nasional", List.of(NAME)), 200);

		// an empty list hides nothing any more; each change is logged with who and how many
		call(redaction(report, "koordinator", List.of()), 200);
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		assertThat(view(report, "dinkes").get("description").asString()).contains(NAME);
		List<String> log = this.jdbc.sql("""
				select l.actor_username || ':' || l.phrase_count from report_redaction l join report r on r.id = l.report_id
				where r.tracking_code = ? order by l.entry_number""")
			.param(report.code().replace("-", ""))
			.query(String.class)
			.list();
		assertThat(log).containsExactly("nasional:1", "koordinator:0");
	}

	@Test
	void theLogOfRedactionsOnlyGrows() {
		Fixture report = telling();
		call(redaction(report, "koordinator", List.of(NAME)), 200);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("update report_redaction set phrase_count = 0").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void theCoordinatorRedactsOnTheReportPageAndTheAgencyPageShowsTheMark() throws Exception {
		Fixture report = telling();
		Cookie coordinator = signIn("koordinator");
		String page = page(get("/petugas/laporan/{code}", report.code()).cookie(coordinator));
		assertThat(page).contains("Samarkan untuk Perangkat Daerah", "Belum ada yang disamarkan.");
		String version = view(report, "koordinator").get("version").asString();

		MvcResult refused = this.mvc.perform(post("/petugas/laporan/{code}/samarkan", report.code()).cookie(coordinator)
			.with(csrf())
			.param("version", version)
			.param("phrases", NAME + "\nSiti Aminah")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("&quot;Siti Aminah&quot; tidak ada dalam teks laporan ini.");

		MvcResult saved = this.mvc.perform(post("/petugas/laporan/{code}/samarkan", report.code()).cookie(coordinator)
			.with(csrf())
			.param("version", version)
			.param("phrases", NAME + "\r\n" + PHONE + "\n")).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/petugas/laporan/" + report.code());
		assertThat(page(get("/petugas/laporan/{code}", report.code()).cookie(coordinator)))
			.contains("Disamarkan sekarang: 2 frasa.", NAME);

		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		String agency = page(get("/petugas/laporan/{code}", report.code()).cookie(signIn("dinkes")));
		assertThat(agency).contains("[disamarkan]", "disamarkan oleh koordinator")
			.doesNotContain("Rahmat", "9988", "Samarkan untuk Perangkat Daerah");
	}

	private String officerInbox(String username, String text) throws Exception {
		return page(get("/petugas").param("q", text).cookie(signIn(username)));
	}

	private Cookie signIn(String username) throws Exception {
		return this.mvc.perform(post("/masuk").with(csrf()).param("username", username).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", "id"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
