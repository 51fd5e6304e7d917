package id.go.jambiprov.lapor.insight.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The public statistics over a March 2025 of its own: aggregates only, confidential reports in
 * the total only, counts of 1 or 2 shown as "< 3", reports per 10,000 inhabitants, and figures
 * that follow a new report at once.
 */
class PublicStatisticsIntegrationTests extends ApiTestSupport {

	private static boolean filed;

	private static Instant wib(String dateTime) {
		return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.ofHours(7));
	}

	private Fixture file(String day, String title, String category, String regency, String name, boolean anonymous,
			boolean confidential) {
		this.clock.set(wib(day + "T10:00:00"));
		Map<String, Object> body = reportBody(anonymous, confidential);
		body.put("occurredOn", day);
		body.put("title", title);
		body.put("category", category);
		body.put("location", Map.of("regency", regency));
		body.put("reporter", Map.of("name", name, "phone", "0813-5555-0101"));
		JsonNode created = call(createRequest(body), 201);
		return new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
	}

	private static Fixture anonymous;

	private static Fixture secret;

	private void march() {
		if (filed) {
			return;
		}
		filed = true;
		file("2025-03-03", "Jembatan gantung rusak", "JALAN_JEMBATAN", "Kota Jambi", "Warga Satu", false, false);
		file("2025-03-04", "Jalan longsor", "JALAN_JEMBATAN", "Kota Jambi", "Warga Dua", false, false);
		anonymous = file("2025-03-05", "Drainase tersumbat", "DRAINASE_BANJIR", "Kota Jambi", "Siti Rahasiawati",
				true, false);
		file("2025-03-06", "Antrean rumah sakit", "LAYANAN_RS", "Kabupaten Kerinci", "Warga Empat", false, false);
		secret = file("2025-03-07", "Guru memungut biaya ujian di SMA 99", "PPDB", "Kabupaten Tebo", "Warga Lima",
				false, true);
		awaitListeners("SlaFigureRollup");
	}

	private JsonNode statistics() {
		return call(get("/api/v1/statistics").param("from", "2025-03-01").param("to", "2025-03-31"), 200);
	}

	private static JsonNode cell(JsonNode cells, String key) {
		return cells.valueStream().filter(c -> c.get("key").asString().equals(key)).findFirst().orElse(null);
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aggregatesWithSmallCountsHiddenAndConfidentialReportsInTheTotalOnly() {
		march();
		JsonNode stats = statistics();
		assertThat(stats.get("total").asLong()).isEqualTo(5);
		assertThat(cell(stats.get("byStatus"), "SUBMITTED").get("count").asLong()).isEqualTo(4);
		JsonNode infrastructure = cell(stats.get("byCategory"), "INFRASTRUKTUR");
		assertThat(infrastructure.get("count").asLong()).isEqualTo(3);
		assertThat(infrastructure.get("label").asString()).isEqualTo("Infrastruktur");
		JsonNode health = cell(stats.get("byCategory"), "KESEHATAN");
		assertThat(health.get("count").isNull()).isTrue();
		assertThat(health.get("suppressed").asBoolean()).isTrue();
		assertThat(cell(stats.get("byCategory"), "PENDIDIKAN")).isNull(); // the confidential report's
		JsonNode city = stats.get("byRegency").valueStream()
			.filter(r -> r.get("name").asString().equals("Kota Jambi")).findFirst().orElseThrow();
		assertThat(city.get("count").asLong()).isEqualTo(3);
		assertThat(city.get("population").asInt()).isEqualTo(606200);
		assertThat(city.get("perTenThousand").asDouble()).isEqualTo(0.05); // 3 / 60.62
		JsonNode kerinci = stats.get("byRegency").valueStream()
			.filter(r -> r.get("name").asString().equals("Kabupaten Kerinci")).findFirst().orElseThrow();
		assertThat(kerinci.get("suppressed").asBoolean()).isTrue();
		assertThat(kerinci.get("perTenThousand").isNull()).isTrue();
		assertThat(stats.get("byRegency")).hasSize(11);
		JsonNode march = stats.get("trend").valueStream()
			.filter(p -> p.get("month").asString().equals("2025-03")).findFirst().orElseThrow();
		assertThat(march.get("submitted").asLong()).isEqualTo(5);
	}

	@Test
	void noTitleTextCodeOrIdentityAnywhere() throws Exception {
		march();
		String json = statistics().toString();
		String csv = body(get("/api/v1/statistics").param("from", "2025-03-01").param("to", "2025-03-31")
			.param("format", "csv"));
		this.clock.set(wib("2025-03-20T10:00:00"));
		String page = body(get("/statistik"));
		for (String text : new String[] { json, csv, page }) {
			assertThat(text).doesNotContain("Siti Rahasiawati").doesNotContain("0813-5555-0101")
				.doesNotContain("+6281355550101").doesNotContain("Guru memungut").doesNotContain("SMA 99")
				.doesNotContain("Jembatan gantung").doesNotContain(this.anonymousCode())
				.doesNotContain(this.secretCode());
		}
		assertThat(csv).startsWith("\uFEFF").contains("category,KESEHATAN,Kesehatan,< 3");
		assertThat(page).contains("Statistik Pengaduan Provinsi Jambi").contains("&lt; 3");
		assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(60 * 1024);
	}

	private String anonymousCode() {
		return anonymous.code();
	}

	private String secretCode() {
		return secret.code();
	}

	@Test
	void theFiguresFollowANewReportAtOnce() {
		march();
		long before = cell(statistics().get("byCategory"), "INFRASTRUKTUR").get("count").asLong();
		file("2025-03-10", "Jalan berlubang lagi", "JALAN_JEMBATAN", "Kota Jambi", "Warga Enam", false, false);
		assertThat(cell(statistics().get("byCategory"), "INFRASTRUKTUR").get("count").asLong()).isEqualTo(before + 1);
	}

	@Test
	void badPeriodsAreRefused() {
		assertThat(status(get("/api/v1/statistics").param("from", "2025-04-01").param("to", "2025-03-01")))
			.isEqualTo(400);
		assertThat(status(get("/api/v1/statistics").param("format", "pdf"))).isEqualTo(400);
		assertThat(status(get("/api/v1/statistics").param("from", "kemarin"))).isEqualTo(400);
	}

}
