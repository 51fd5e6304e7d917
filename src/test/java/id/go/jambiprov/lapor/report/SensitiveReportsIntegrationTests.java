package id.go.jambiprov.lapor.report;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Reports of a sensitive category (illegal levies, corruption, whistleblowing) are confidential by
 * force, go to the inspectorate, and never to the agency they accuse, whose liaison officer never
 * sees them.
 */
class SensitiveReportsIntegrationTests extends ApiTestSupport {

	@Autowired
	UserAdministration users;

	@BeforeEach
	void inspectorate() {
		this.users.createIfAbsent(new NewUser("penghubung-inspektorat", "rahasia123", "Penghubung Inspektorat",
				Role.LIAISON, "JAMBI", "INSPEKTORAT"));
	}

	private Fixture verified(String category, String accused) {
		Map<String, Object> body = reportBody(false, false);
		body.put("category", category);
		body.put("title", "Pungutan di loket pelayanan");
		if (accused != null) {
			body.put("accusedAgency", accused);
		}
		JsonNode created = call(createRequest(body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator", Map.of());
		return report;
	}

	@Test
	void aPungliReportGoesToTheInspectorateAndNeverReachesTheAccusedAgency() {
		Fixture report = verified("PUNGLI", "DINKES");
		JsonNode seen = view(report, "koordinator");
		// the reporter did not ask for it: the category makes it confidential
		assertThat(seen.get("confidential").asBoolean()).isTrue();

		JsonNode accused = call(actionRequest(report, "assign", "koordinator", Map.of("agency", "DINKES")), 400);
		assertThat(accused.toString()).contains("agency").contains("Dinas Kesehatan");
		JsonNode other = call(actionRequest(report, "assign", "koordinator", Map.of("agency", "PUTR")), 400);
		assertThat(other.toString()).contains("Inspektorat");

		act(report, "assign", "koordinator", Map.of("agency", "INSPEKTORAT"));
		act(report, "dispose", "koordinator");
		act(report, "accept", "penghubung-inspektorat");
		// the accused agency's liaison officer never sees it, in any list
		call(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token("dinkes")), 404);
		assertThat(call(get("/api/v1/inbox").param("limit", "100").header("Authorization",
				"Bearer " + token("dinkes")), 200).toString()).doesNotContain(report.code());
		// the inspectorate's liaison works it; the public tracker shows nothing of a confidential report's content
		assertThat(view(report, "penghubung-inspektorat").get("agency").get("code").asString())
			.isEqualTo("INSPEKTORAT");
		call(get("/api/v1/track/{code}", report.code()), 404);
	}

	@Test
	void whenTheInspectorateIsTheOneAccusedAnyOtherAgencyMayTakeIt() {
		Fixture report = verified("KORUPSI", "INSPEKTORAT");
		call(actionRequest(report, "assign", "koordinator", Map.of("agency", "INSPEKTORAT")), 400);
		act(report, "assign", "koordinator", Map.of("agency", "PUTR"));
	}

	@Test
	void anOrdinaryCategoryGoesWhereverTheCoordinatorSends() {
		Fixture report = verified("JALAN_JEMBATAN", "PUTR");
		assertThat(view(report, "koordinator").get("confidential").asBoolean()).isFalse();
		act(report, "assign", "koordinator", Map.of("agency", "PUTR"));
	}

	@Test
	void anUnknownAccusedAgencyIsRefused() {
		Map<String, Object> body = reportBody(false, false);
		body.put("accusedAgency", "TIDAK_ADA");
		assertThat(call(createRequest(body), 400).toString()).contains("accusedAgency");
	}

}
