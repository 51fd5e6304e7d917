package id.go.jambiprov.lapor.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Officers write internal notes on a report at any status without moving it; the notes stand in
 * the officers' timeline and never reach the reporter or the public.
 */
class InternalNotesIntegrationTests extends ApiTestSupport {

	private static final String NOTE = "Pelapor menelepon: jalan sudah ditambal sebagian, sisanya menunggu anggaran.";

	private MockHttpServletRequestBuilder note(Fixture report, String username, String text) {
		MockHttpServletRequestBuilder request = post("/api/v1/reports/{code}/notes", report.code())
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("text", text)));
		return username == null ? request.header("X-Access-Key", report.accessKey())
				: request.header("Authorization", "Bearer " + token(username));
	}

	private static List<JsonNode> notes(JsonNode timeline) {
		return timeline.valueStream().filter(e -> e.get("internal").asBoolean()).toList();
	}

	@Test
	void aNoteStandsInTheOfficersTimelineWithoutMovingTheReport() {
		Fixture report = reach(ReportStatus.RECEIVED);
		JsonNode before = view(report, "koordinator");

		JsonNode written = call(note(report, "koordinator", NOTE), 201);
		assertThat(written.get("action").asString()).isEqualTo("note");
		assertThat(written.get("internal").asBoolean()).isTrue();
		assertThat(written.get("sequence").isNull()).isTrue();
		assertThat(written.get("actor").get("username").asString()).isEqualTo("koordinator");

		JsonNode after = view(report, "koordinator");
		assertThat(after.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(after.get("version")).isEqualTo(before.get("version"));
		List<JsonNode> notes = notes(timeline(report, "koordinator"));
		assertThat(notes).hasSize(1);
		assertThat(notes.get(0).get("note").asString()).isEqualTo(NOTE);
		// the hash chain of the timeline is untouched by notes
		JsonNode chain = call(get("/api/v1/reports/{code}/timeline/verify", report.code()).header("Authorization",
				"Bearer " + token("koordinator")), 200);
		assertThat(chain.toString()).contains("true");
	}

	@Test
	void theAgencyWritesAndReadsNotesAndTheSupervisorOnlyReads() {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		call(note(report, "koordinator", "Mohon prioritas: sudah dua kali dilaporkan."), 201);
		call(note(report, "dinkes", "Tim lapangan dijadwalkan Kamis."), 201);
		assertThat(notes(timeline(report, "dinkes"))).hasSize(2);
		assertThat(notes(timeline(report, "pengawas"))).hasSize(2);

		JsonNode refused = call(note(report, "pengawas", "Saya juga ingin menulis."), 403);
		assertThat(refused.get("type").asString()).endsWith("/forbidden-action");
		call(note(report, null, "Saya pelapor."), 401);
		// out of scope: another jurisdiction does not even learn the report exists
		call(note(report, "koordinator-lain", "Bukan urusan saya."), 404);
		JsonNode empty = call(note(report, "koordinator", "   "), 400);
		assertThat(empty.toString()).contains("text");
		assertThat(call(note(report, "koordinator", "x".repeat(5001)), 400).toString()).contains("text");
	}

	@Test
	void theReporterAndThePublicNeverReceiveANote() throws Exception {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		String secret = "Catatan rahasia petugas 7731";
		call(note(report, "dinkes", secret), 201);
		act(report, "answer", "dinkes", Map.of("answer", "Sudah diperbaiki."));

		assertThat(timeline(report, null).toString()).doesNotContain(secret).doesNotContain("\"note\",");
		assertThat(viewAsReporter(report).toString()).doesNotContain(secret);
		assertThat(call(get("/api/v1/track/{code}", report.code()), 200).toString()).doesNotContain(secret);
		String page = this.mvc.perform(get("/laporan/{code}", report.code()).header("X-Access-Key", report.accessKey()))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).doesNotContain(secret);
	}

	@Test
	void theCoordinatorsRedactionsHideANotesPhrasesFromTheAgency() {
		Fixture report = reach(ReportStatus.VERIFIED);
		call(note(report, "koordinator", "Kepala desa Sutarno minta namanya tidak disebut."), 201);
		call(put("/api/v1/reports/{code}/redaction", report.code()).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("koordinator"))
			.content(this.json.writeValueAsString(Map.of("phrases", List.of("Sutarno")))), 200);
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");

		assertThat(notes(timeline(report, "dinkes")).get(0).get("note").asString()).doesNotContain("Sutarno")
			.contains("[disamarkan]");
		assertThat(notes(timeline(report, "koordinator")).get(0).get("note").asString()).contains("Sutarno");
	}

	@Test
	void notesAreAppendOnly() {
		Fixture report = reach(ReportStatus.RECEIVED);
		call(note(report, "koordinator", NOTE), 201);
		assertThatThrownBy(() -> this.jdbc.sql("update report_note set text = 'diubah'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from report_note").update()).hasMessageContaining("append-only");
	}

}
