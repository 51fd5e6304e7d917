package id.go.jambiprov.lapor.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The coordinator keeps answer templates per action and category; every officer of the
 * jurisdiction reads them, filled for the report at hand.
 */
class AnswerTemplatesIntegrationTests extends ApiTestSupport {

	private static final String ROADS = "Terima kasih, laporan {kode} sudah kami terima. {nama_opd} ({opd}) menjawab "
			+ "paling lambat {tenggat}.";

	private static Map<String, Object> template(String action, String category, String title, String body) {
		Map<String, Object> template = new LinkedHashMap<>();
		template.put("action", action);
		template.put("category", category);
		template.put("title", title);
		template.put("body", body);
		return template;
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		return request.header("Authorization", "Bearer " + token(username));
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String username, Object body) {
		return as(request, username).contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

	@Test
	void theCoordinatorWritesATemplateAndTheAgencyReadsItFilledForItsReport() {
		JsonNode created = call(json(post("/api/v1/answer-templates"), "koordinator",
				template("answer", "JALAN_JEMBATAN", "Uji jalan " + System.nanoTime(), ROADS)), 201);
		long id = created.get("id").asLong();
		assertThat(created.get("jurisdiction").asString()).isEqualTo("JAMBI");

		Fixture report = reach(ReportStatus.IN_PROGRESS);
		JsonNode offered = call(as(get("/api/v1/answer-templates").param("action", "answer")
			.param("category", "JALAN_JEMBATAN")
			.param("report", report.code()), "dinkes"), 200);
		// the category's own come first, then those for any category; none of another action
		assertThat(offered.get(0).get("category").asString()).isEqualTo("JALAN_JEMBATAN");
		assertThat(offered.valueStream().allMatch(t -> t.get("action").asString().equals("answer"))).isTrue();
		JsonNode mine = offered.valueStream().filter(t -> t.get("id").asLong() == id).findFirst().orElseThrow();
		String due = view(report, "dinkes").get("dueAt").asString();
		assertThat(mine.get("filled").asString()).contains(report.code())
			.contains("(DINKES)")
			.contains("Dinas Kesehatan")
			.contains(due.substring(8, 10).replaceFirst("^0", "") + " ")
			.doesNotContain("{");

		// another jurisdiction neither sees nor changes it
		assertThat(call(as(get("/api/v1/answer-templates"), "koordinator-lain"), 200).toString())
			.doesNotContain("\"id\":" + id + ",");
		call(json(put("/api/v1/answer-templates/{id}", id), "koordinator-lain",
				template("answer", null, "x", "y")), 404);
		call(as(delete("/api/v1/answer-templates/{id}", id), "koordinator-lain"), 404);

		JsonNode changed = call(json(put("/api/v1/answer-templates/{id}", id), "koordinator",
				template("answer", null, "Umum", "Laporan {kode} selesai.")), 200);
		assertThat(changed.get("category").isNull()).isTrue();
		call(as(delete("/api/v1/answer-templates/{id}", id), "koordinator"), 204);
		call(as(delete("/api/v1/answer-templates/{id}", id), "koordinator"), 404);
	}

	@Test
	void onlyKnownActionsCategoriesAndPlaceholders() {
		JsonNode placeholder = call(json(post("/api/v1/answer-templates"), "koordinator",
				template("answer", null, "Salah", "Yth. {nama_pelapor}, laporan {kode}.")), 400);
		assertThat(placeholder.toString()).contains("body").contains("{nama_pelapor}");
		assertThat(call(json(post("/api/v1/answer-templates"), "koordinator",
				template("verify", null, "Salah", "x")), 400).toString()).contains("action");
		assertThat(call(json(post("/api/v1/answer-templates"), "koordinator",
				template("answer", "TIDAK_ADA", "Salah", "x")), 400).toString()).contains("category");
		assertThat(call(json(post("/api/v1/answer-templates"), "koordinator",
				template("answer", null, "", "")), 400).toString()).contains("title").contains("body");
	}

	@Test
	void theAgencyAndTheSupervisorReadButDoNotWrite() {
		call(json(post("/api/v1/answer-templates"), "dinkes", template("answer", null, "Saya", "x")), 403);
		call(json(post("/api/v1/answer-templates"), "pengawas", template("answer", null, "Saya", "x")), 403);
		call(as(get("/api/v1/answer-templates"), "pengawas"), 200);
		call(get("/api/v1/answer-templates"), 401);
		// the national admin writes for a jurisdiction it names
		assertThat(call(json(post("/api/v1/answer-templates"), "nasional", template("hold", null, "Nasional", "x")), 400)
			.toString()).contains("jurisdiction");
		Map<String, Object> national = template("hold", null, "Nasional " + System.nanoTime(), "Mohon lengkapi {kode}.");
		national.put("jurisdiction", "JAMBI");
		long id = call(json(post("/api/v1/answer-templates"), "nasional", national), 201).get("id").asLong();
		call(as(delete("/api/v1/answer-templates/{id}", id), "koordinator"), 204);
	}

}
