package id.go.jambiprov.lapor.report;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The coordinator takes a report back from the wrong agency before its answer (the agency is
 * told and loses sight of it), and hands the open reports of an ended agency to its successor.
 */
class RecallAndHandOverIntegrationTests extends ApiTestSupport {

	static final String JURISDICTION = "UJIMEJA";

	@Autowired
	UserAdministration users;

	@BeforeEach
	void officers() {
		this.users.createIfAbsent(
				new NewUser("koordinator-meja", "rahasia123", "Koordinator meja", Role.COORDINATOR, JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("penghubung-meja-lama", "rahasia123", "Penghubung lama", Role.LIAISON,
				JURISDICTION, "MEJA_LAMA"));
		this.users.createIfAbsent(new NewUser("penghubung-meja-baru", "rahasia123", "Penghubung baru", Role.LIAISON,
				JURISDICTION, "MEJA_BARU"));
		this.users.createIfAbsent(new NewUser("penghubung-meja-lain", "rahasia123", "Penghubung lain", Role.LIAISON,
				JURISDICTION, "MEJA_LAIN"));
	}

	private Fixture disposed(String agency) {
		Map<String, Object> body = reportBody(false, false);
		body.put("occurredOn", "2026-10-01");
		JsonNode created = call(createRequest(body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", JURISDICTION));
		act(report, "receive", "koordinator-meja");
		act(report, "verify", "koordinator-meja");
		act(report, "assign", "koordinator-meja", Map.of("agency", agency));
		act(report, "dispose", "koordinator-meja");
		return report;
	}

	@Test
	void theCoordinatorRecallsAReportFromTheWrongAgencyAndTheAgencyIsTold() {
		Fixture report = disposed("MEJA_BARU");
		act(report, "accept", "penghubung-meja-baru");

		// a reason is required, and only the coordinator recalls
		JsonNode missing = call(actionRequest(report, "recall", "koordinator-meja", Map.of()), 400);
		assertThat(missing.toString()).contains("reason");
		call(actionRequest(report, "recall", "penghubung-meja-baru", Map.of("reason", "x")), 403);
		assertThat(view(report, "koordinator-meja").get("allowedActions").toString()).contains("recall");

		JsonNode after = act(report, "recall", "koordinator-meja",
				Map.of("reason", "Jalan provinsi: kewenangan Dinas Meja Lain"));
		assertThat(after.get("status").asString()).isEqualTo("VERIFIED");
		assertThat(after.get("agency").isNull()).isTrue();
		JsonNode last = last(timeline(report, "koordinator-meja"));
		assertThat(last.get("action").asString()).isEqualTo("recall");
		assertThat(last.get("from").asString()).isEqualTo("IN_PROGRESS");
		assertThat(last.get("note").asString()).isEqualTo("Jalan provinsi: kewenangan Dinas Meja Lain");

		// the agency no longer sees it, and its liaison officer finds a notice saying why
		call(get("/api/v1/reports/{code}", report.code()).header("Authorization",
				"Bearer " + token("penghubung-meja-baru")), 404);
		awaitListeners("DeadlineNotifications");
		JsonNode notices = call(get("/api/v1/notifications").header("Authorization",
				"Bearer " + token("penghubung-meja-baru")), 200);
		assertThat(notices.toString()).contains("RECALLED").contains(report.code());

		// the coordinator picks another agency, and the report walks on
		act(report, "assign", "koordinator-meja", Map.of("agency", "MEJA_LAIN"));
		act(report, "dispose", "koordinator-meja");
		assertThat(act(report, "accept", "penghubung-meja-lain").get("status").asString()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void noRecallOnceAnswered() {
		Fixture report = disposed("MEJA_BARU");
		act(report, "accept", "penghubung-meja-baru");
		act(report, "answer", "penghubung-meja-baru", Map.of("answer", "Sudah diperbaiki."));
		JsonNode refused = call(actionRequest(report, "recall", "koordinator-meja", Map.of("reason", "x")), 409);
		assertThat(refused.get("type").asString()).endsWith("/invalid-transition");
	}

	@Test
	void theOpenReportsOfAnEndedAgencyGoToItsSuccessorWithStatusAndClocksKept() {
		// filed while Dinas Meja Lama still existed (it ended on 31 October 2026)
		this.clock.set(Instant.parse("2026-10-05T01:00:00Z"));
		Fixture disposed = disposed("MEJA_LAMA");
		Fixture inProgress = disposed("MEJA_LAMA");
		act(inProgress, "accept", "penghubung-meja-lama");
		Fixture closed = disposed("MEJA_LAMA");
		act(closed, "accept", "penghubung-meja-lama");
		act(closed, "answer", "penghubung-meja-lama", Map.of("answer", "Selesai."));
		call(post("/api/v1/reports/" + closed.code() + "/actions/close").contentType(MediaType.APPLICATION_JSON)
			.header("X-Access-Key", closed.accessKey())
			.content("{\"rating\":4}"), 200);
		String dueBefore = view(inProgress, "koordinator-meja").get("dueAt").asString();

		// before its last day passed, nothing is handed over
		String handOver = "/api/v1/agencies/MEJA_LAMA/hand-over";
		JsonNode early = call(post(handOver).header("Authorization", "Bearer " + token("koordinator-meja")), 409);
		assertThat(early.get("type").asString()).endsWith("/agency-active");

		this.clock.set(Instant.parse("2026-11-23T01:00:00Z"));
		JsonNode pending = call(get("/api/v1/agencies/hand-overs").header("Authorization",
				"Bearer " + token("koordinator-meja")), 200);
		assertThat(pending).hasSize(1);
		assertThat(pending.get(0).get("agency").asString()).isEqualTo("MEJA_LAMA");
		assertThat(pending.get(0).get("successor").asString()).isEqualTo("MEJA_BARU");
		assertThat(pending.get(0).get("openReports").asInt()).isEqualTo(2);
		// another jurisdiction's coordinator does not see it, and a liaison may not do it
		call(post(handOver).header("Authorization", "Bearer " + token("koordinator")), 404);
		call(post(handOver).header("Authorization", "Bearer " + token("penghubung-meja-baru")), 403);

		JsonNode result = call(post(handOver).header("Authorization", "Bearer " + token("koordinator-meja")), 200);
		assertThat(result.get("successor").asString()).isEqualTo("MEJA_BARU");
		assertThat(result.get("handedOver").toString()).contains(disposed.code()).contains(inProgress.code())
			.doesNotContain(closed.code());

		JsonNode moved = view(inProgress, "penghubung-meja-baru");
		assertThat(moved.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(moved.get("agency").get("code").asString()).isEqualTo("MEJA_BARU");
		assertThat(moved.get("dueAt").asString()).isEqualTo(dueBefore);
		JsonNode entry = last(timeline(inProgress, "koordinator-meja"));
		assertThat(entry.get("action").asString()).isEqualTo("hand-over");
		assertThat(entry.get("from").asString()).isEqualTo("IN_PROGRESS");
		assertThat(entry.get("to").asString()).isEqualTo("IN_PROGRESS");
		assertThat(entry.get("note").asString()).contains("MEJA_LAMA").contains("MEJA_BARU");
		call(get("/api/v1/reports/{code}/timeline/verify", inProgress.code()).header("Authorization",
				"Bearer " + token("koordinator-meja")), 200);
		call(get("/api/v1/reports/{code}", disposed.code()).header("Authorization",
				"Bearer " + token("penghubung-meja-lama")), 404);
		assertThat(act(disposed, "accept", "penghubung-meja-baru").get("status").asString()).isEqualTo("IN_PROGRESS");

		// the closed report keeps the agency that answered it; nothing is left to hand over
		assertThat(view(closed, "koordinator-meja").get("agency").get("code").asString()).isEqualTo("MEJA_LAMA");
		assertThat(call(get("/api/v1/agencies/hand-overs").header("Authorization",
				"Bearer " + token("koordinator-meja")), 200)).isEmpty();
		// hand-over is not an action a caller may take by path
		call(actionRequest(inProgress, "hand-over", "koordinator-meja", Map.of()), 404);
	}

	private static JsonNode last(JsonNode timeline) {
		return timeline.get(timeline.size() - 1);
	}

}
