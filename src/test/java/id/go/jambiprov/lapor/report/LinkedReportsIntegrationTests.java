package id.go.jambiprov.lapor.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelTestSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Two reports of the same matter: the coordinator sees them as similar, links the duplicate to
 * the main report, the main report is answered once and both reporters are told on their own
 * channel; closing the main report closes the linked one.
 */
class LinkedReportsIntegrationTests extends ChannelTestSupport {

	/** A report telephoned in (its reporter is told by SMS), received by the coordinator. */
	private Fixture received(String title, String description) {
		Map<String, Object> body = reportBody(false, false);
		body.put("channel", "PHONE");
		body.put("title", title);
		body.put("description", description);
		body.put("reporter", Map.of("name", "Penelepon", "phone",
				"0812-7" + String.format("%03d", System.nanoTime() % 1000) + "-" + String.format("%04d",
						(System.nanoTime() / 1000) % 10000)));
		JsonNode created = call(createRequest(body).header("Authorization", "Bearer " + token("koordinator")), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		return report;
	}

	private List<String> causes(Fixture report) {
		return this.jdbc.sql("select cause from outbound_message where report_code in (?, ?) order by created_at")
			.params(report.code(), report.code().replace("-", ""))
			.query(String.class)
			.list();
	}

	@Test
	void aDuplicateIsSuggestedLinkedAnsweredOnceAndClosedWithItsMain() {
		String street = "Jl. Kol. Abunjani " + (System.nanoTime() % 100000);
		Fixture main = received("Lampu penerangan jalan padam di " + street,
				"Lampu jalan di " + street + " padam sejak seminggu, gelap dan rawan kejahatan malam hari.");
		Fixture duplicate = received("Lampu jalan " + street + " mati",
				"Sudah beberapa malam lampu penerangan jalan di " + street + " mati semua.");
		Fixture other = received("Sekolah rusak di Desa Pematang " + (System.nanoTime() % 1000),
				"Atap ruang kelas SD bocor dan dinding retak.");

		JsonNode similar = call(get("/api/v1/reports/{code}/similar", duplicate.code()).header("Authorization",
				"Bearer " + token("koordinator")), 200);
		List<String> codes = similar.valueStream().map(s -> s.get("trackingCode").asString()).toList();
		assertThat(codes).contains(main.code()).doesNotContain(other.code(), duplicate.code());
		assertThat(similar.get(0).get("trackingCode").asString()).isEqualTo(main.code());
		call(get("/api/v1/reports/{code}/similar", duplicate.code()).header("Authorization",
				"Bearer " + token("dinkes")), 404);

		// wrong mains are refused by name
		assertThat(call(actionRequest(duplicate, "link", "koordinator", Map.of("main", duplicate.code())), 400)
			.toString()).contains("main");
		assertThat(call(actionRequest(duplicate, "link", "koordinator", Map.of("main", "1234-5678-9012")), 400)
			.toString()).contains("main");
		call(actionRequest(duplicate, "link", "koordinator", Map.of()), 400);

		JsonNode linked = act(duplicate, "link", "koordinator", Map.of("main", main.code()));
		assertThat(linked.get("status").asString()).isEqualTo("LINKED");
		// a report linked to a linked one is refused: link to the main report instead
		assertThat(call(actionRequest(other, "link", "koordinator", Map.of("main", duplicate.code())), 400).toString())
			.contains("main");
		// the duplicate's reporter reads which report carries theirs
		JsonNode told = timeline(duplicate, null);
		assertThat(told.get(told.size() - 1).get("note").asString()).isEqualTo(main.code());

		// unlinking works before the answer, and puts the report back where it was
		act(other, "link", "koordinator", Map.of("main", main.code()));
		assertThat(act(other, "unlink", "koordinator", Map.of()).get("status").asString()).isEqualTo("RECEIVED");

		act(main, "verify", "koordinator", Map.of());
		act(main, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(main, "dispose", "koordinator");
		act(main, "accept", "dinkes");
		act(main, "answer", "dinkes", Map.of("answer", "Lampu sudah diganti oleh petugas PJU pada 24 November."));
		awaitListeners("LinkedReports");
		awaitListeners("ReporterUpdates");
		// answered once, and both reporters are told on their channel
		assertThat(viewAsReporter(duplicate).get("answer").asString()).contains("Lampu sudah diganti");
		assertThat(viewAsReporter(duplicate).get("status").asString()).isEqualTo("LINKED");
		assertThat(causes(duplicate)).anyMatch(c -> c.startsWith("linked-answer:"));
		assertThat(causes(main)).isNotEmpty();
		// after the answer the duplicate stays with it
		call(actionRequest(duplicate, "unlink", "koordinator", Map.of()), 409);

		call(actionRequest(main, "close", null, Map.of("rating", 5)), 200);
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> viewAsReporter(duplicate).get("status").asString().equals("CLOSED"));
		JsonNode closed = timeline(duplicate, "koordinator");
		assertThat(closed.get(closed.size() - 1).get("actor").get("role").asString()).isEqualTo("SYSTEM");
	}

	@Test
	void aConfidentialMainIsNotNamedToTheDuplicatesReporter() {
		Map<String, Object> body = reportBody(false, true);
		body.put("title", "Pungutan di kantor samsat " + System.nanoTime());
		JsonNode created = call(createRequest(body), 201);
		Fixture main = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(main, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(main, "receive", "koordinator");
		Fixture duplicate = received("Pungutan di samsat", "Diminta uang tambahan.");
		act(duplicate, "link", "koordinator", Map.of("main", main.code()));
		JsonNode told = timeline(duplicate, null);
		assertThat(told.toString()).doesNotContain(main.code());
	}

}
