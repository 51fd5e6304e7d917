package id.go.jambiprov.lapor.notify;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sla.Sweeper;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An approaching deadline reaches the officers whose step it is; a breach reaches them too and
 * escalates to the jurisdiction's coordinator; each user reads only their own list.
 */
class DeadlineNotificationsIntegrationTests extends ApiTestSupport {

	@Autowired
	Sweeper sweeper;

	private void sweep() {
		this.sweeper.sweep();
	}

	private List<JsonNode> about(Fixture report, String username, String language) {
		JsonNode list = call(get("/api/v1/notifications").header("Authorization", "Bearer " + token(username))
			.header("Accept-Language", language), 200);
		return list.valueStream().filter(n -> n.get("trackingCode").asString().equals(report.code())).toList();
	}

	@Test
	void theAgencyIsWarnedThenTheBreachIsEscalatedToTheCoordinator() {
		Fixture report = reach(ReportStatus.IN_PROGRESS, true, false);
		awaitClock(report, "IN_PROGRESS");
		// accepted Monday 23 November 08:00; the answer is due Monday 30 November 16:00
		this.clock.advance(Duration.ofDays(5));
		sweep();
		await().atMost(Duration.ofSeconds(10)).until(() -> !about(report, "dinkes", "id").isEmpty());
		JsonNode warning = about(report, "dinkes", "id").get(0);
		assertThat(warning.get("kind").asString()).isEqualTo("DEADLINE_APPROACHING");
		assertThat(warning.get("message").asString()).contains(report.code(), "mendekati tenggat", "2026-11-30 16:00");
		assertThat(warning.toString()).doesNotContain("Budi");
		assertThat(about(report, "koordinator", "id")).isEmpty();

		this.clock.advance(Duration.ofDays(3));
		sweep();
		await().atMost(Duration.ofSeconds(10)).until(() -> kinds(report, "koordinator").contains("ESCALATION"));
		JsonNode escalation = about(report, "koordinator", "en").stream()
			.filter(n -> n.get("kind").asString().equals("ESCALATION"))
			.findFirst()
			.orElseThrow();
		assertThat(escalation.get("message").asString()).startsWith("Escalation: report " + report.code());
		// the step (answer) and the resolution clock were both due Monday 30 November 16:00
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kinds(report, "dinkes")).containsExactlyInAnyOrder("DEADLINE_APPROACHING",
					"DEADLINE_BREACHED", "RESOLUTION_BREACHED"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kinds(report, "pengawas")).containsExactly("RESOLUTION_BREACHED"));
		assertThat(about(report, "putr", "id")).isEmpty();
	}

	private List<String> kinds(Fixture report, String username) {
		return about(report, username, "id").stream().map(n -> n.get("kind").asString()).toList();
	}

	@Test
	void anUnansweredDispositionIsEscalatedToTheSupervisor() {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		awaitClock(report, "IN_PROGRESS");
		// dispositioned Monday 23 November 08:00: the answer is due by Monday 30 November 16:00
		this.clock.advance(Duration.ofDays(8));
		sweep();
		await().atMost(Duration.ofSeconds(10)).until(() -> !about(report, "pengawas", "id").isEmpty());
		JsonNode second = about(report, "pengawas", "id").get(0);
		assertThat(second.get("kind").asString()).isEqualTo("RESOLUTION_BREACHED");
		assertThat(second.get("message").asString()).contains("Eskalasi kedua", report.code());
		sweep();
		assertThat(about(report, "pengawas", "id")).hasSize(1);
	}

	@Test
	void anAnsweredReportIsNotEscalatedToTheSupervisor() {
		Fixture report = reach(ReportStatus.ANSWERED);
		awaitClock(report, "ANSWERED");
		this.clock.advance(Duration.ofDays(8));
		sweep();
		assertThat(about(report, "pengawas", "id")).isEmpty();
	}

	@Test
	void eachUserReadsAndMarksOnlyTheirOwnNotifications() {
		Fixture report = reach(ReportStatus.RECEIVED);
		awaitClock(report, "RECEIVED");
		this.clock.advance(Duration.ofMinutes(30));
		sweep();
		await().atMost(Duration.ofSeconds(10)).until(() -> !about(report, "koordinator", "id").isEmpty());
		JsonNode breached = about(report, "koordinator", "id").get(0);
		assertThat(breached.get("kind").asString()).isEqualTo("DEADLINE_BREACHED");
		long id = breached.get("id").asLong();
		call(post("/api/v1/notifications/{id}/read", id).header("Authorization", "Bearer " + token("dinkes")), 404);
		call(post("/api/v1/notifications/{id}/read", id).header("Authorization", "Bearer " + token("koordinator")), 204);
		JsonNode unread = call(get("/api/v1/notifications").param("unread", "true")
			.header("Authorization", "Bearer " + token("koordinator")), 200);
		assertThat(unread.valueStream().map(n -> n.get("id").asLong()).toList()).doesNotContain(id);
		call(get("/api/v1/notifications"), 401);
	}

}
