package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sixty days on and unfinished, a report offers its reporter the Ombudsman (once, on their
 * channel); the reporter asks, the coordinator downloads the package (no internal note) and
 * records the hand-over on the timeline, which the reporter reads.
 */
class OmbudsmanIntegrationTests extends ChannelTestSupport {

	private static final String SECRET_NOTE = "Catatan internal: kepala dinas sedang cuti 4471";

	@Autowired
	private ReportTimeouts timeouts;

	/** A report telephoned in on 1 September, at the agency since, with an internal note. */
	private Fixture oldReport(String phone) {
		this.clock.set(Instant.parse("2026-09-01T02:00:00Z"));
		Map<String, Object> body = reportBody(false, false);
		body.put("occurredOn", "2026-08-30");
		body.put("channel", "PHONE");
		body.put("reporter", Map.of("name", "Bu Ratna", "phone", phone));
		JsonNode created = call(createRequest(body).header("Authorization", "Bearer " + token("koordinator")), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator", Map.of());
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		act(report, "accept", "dinkes");
		call(post("/api/v1/reports/{code}/notes", report.code()).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("dinkes"))
			.content("{\"text\":\"" + SECRET_NOTE + "\"}"), 201);
		return report;
	}

	private MockHttpServletRequestBuilder ask(Fixture report) {
		return post("/api/v1/reports/{code}/ombudsman-request", report.code()).header("X-Access-Key", report.accessKey());
	}

	private MockHttpServletRequestBuilder handOver(Fixture report, String username, String note) {
		return post("/api/v1/reports/{code}/ombudsman-handover", report.code()).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token(username))
			.content(this.json.writeValueAsString(Map.of("note", note)));
	}

	private MockHttpServletResponse pdf(Fixture report, String username) throws Exception {
		return this.mvc.perform(get("/api/v1/reports/{code}/ombudsman-package", report.code())
			.header("Authorization", "Bearer " + token(username))).andReturn().getResponse();
	}

	@Test
	void theReporterAsksAndTheCoordinatorHandsThePackageOver() throws Exception {
		Fixture report = oldReport("0812-6000-0" + String.format("%03d", System.nanoTime() % 1000));
		// not before 60 days
		this.clock.set(Instant.parse("2026-10-20T02:00:00Z"));
		call(ask(report), 409);
		this.clock.set(Instant.parse("2026-11-02T02:00:00Z"));
		assertThat(viewAsReporter(report).get("ombudsmanEligible").asBoolean()).isTrue();
		// the package waits for the reporter's request
		assertThat(pdf(report, "koordinator").getStatus()).isEqualTo(409);

		JsonNode asked = call(ask(report), 200);
		assertThat(asked.get("status").asString()).isEqualTo("IN_PROGRESS");
		call(ask(report), 409);
		call(post("/api/v1/reports/{code}/ombudsman-request", report.code()).header("Authorization",
				"Bearer " + token("koordinator")), 403);

		assertThat(pdf(report, "dinkes").getStatus()).isEqualTo(403);
		MockHttpServletResponse pdf = pdf(report, "koordinator");
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains(report.code()).contains("Jalan berlubang di Jl. Sudirman")
				.contains("Riwayat penanganan")
				.contains("Pelapor meminta laporan diteruskan ke Ombudsman")
				.contains("Bu Ratna")
				.doesNotContain("4471");
		}

		call(handOver(report, "pengawas", "x"), 403);
		JsonNode handed = call(handOver(report, "koordinator", "Surat B-112/DISKOMINFO/2026 ke Ombudsman RI Perwakilan Jambi"),
				200);
		assertThat(handed.get("status").asString()).isEqualTo("IN_PROGRESS");
		call(handOver(report, "koordinator", "lagi"), 409);

		// the reporter reads where it went; the officers' clock of the step did not move
		JsonNode mine = timeline(report, null);
		JsonNode last = mine.get(mine.size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("ombudsman-handover");
		assertThat(last.get("note").asString()).contains("B-112");
		assertThat(mine.toString()).doesNotContain("4471");
		awaitListeners("ReporterUpdates");
		// the reporter is told on their channel (SMS: they telephoned), once for the entry
		String cause = "reporter:" + this.jdbc.sql("select id from report where tracking_code = ?")
			.param(report.code().replace("-", ""))
			.query(String.class)
			.single() + ":" + last.get("sequence").asInt();
		assertThat(this.jdbc.sql("select channel from outbound_message where cause = ?").param(cause)
			.query(String.class)
			.list()).containsExactly("SMS");
	}

	@Test
	void sixtyDaysOnTheReporterIsOfferedTheOmbudsmanOnce() {
		Fixture report = oldReport("0812-6100-0" + String.format("%03d", System.nanoTime() % 1000));
		this.clock.set(Instant.parse("2026-10-29T02:00:00Z"));
		this.timeouts.offerOmbudsman();
		assertThat(offers(report)).isZero();
		this.clock.set(Instant.parse("2026-11-02T02:00:00Z"));
		assertThat(this.timeouts.offerOmbudsman()).isPositive();
		assertThat(this.timeouts.offerOmbudsman()).isZero();
		awaitListeners("ReporterUpdates");
		assertThat(offers(report)).isEqualTo(1);
	}

	private long offers(Fixture report) {
		return this.jdbc.sql("select count(*) from outbound_message where report_code in (?, ?) and cause like ?")
			.params(report.code(), report.code().replace("-", ""), "ombudsman-offer:%")
			.query(Long.class)
			.single();
	}

}
