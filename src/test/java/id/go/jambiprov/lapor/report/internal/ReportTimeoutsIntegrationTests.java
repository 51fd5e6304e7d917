package id.go.jambiprov.lapor.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clocks beside the decree's steps: auto-close after an unanswered answer, archiving after
 * an unanswered hold, the resolution clock and the Ombudsman's 60 days.
 */
class ReportTimeoutsIntegrationTests extends ApiTestSupport {

	@Autowired
	ReportTimeouts timeouts;

	@Test
	void anAnsweredReportClosesByItself10WorkingDaysLaterWithoutAReply() {
		Fixture report = reach(ReportStatus.ANSWERED);
		JsonNode answered = viewAsReporter(report);
		// answered Monday 23 November: the system closes at the close of the 10th working day after
		assertThat(answered.get("autoAction").asString()).isEqualTo("close");
		assertThat(answered.get("autoActionAt").asString()).isEqualTo("2026-12-07T16:00:00+07:00");
		this.clock.set(Instant.parse("2026-12-07T08:59:00Z"));
		this.timeouts.runDue();
		assertThat(viewAsReporter(report).get("status").asString()).isEqualTo("ANSWERED");
		this.clock.set(Instant.parse("2026-12-07T09:01:00Z"));
		this.timeouts.runDue();
		JsonNode closed = viewAsReporter(report);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("autoAction").isNull()).isTrue();
		JsonNode timeline = timeline(report, "koordinator");
		JsonNode last = timeline.get(timeline.size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("close");
		assertThat(last.get("actor").get("role").asString()).isEqualTo("SYSTEM");
		assertThat(last.get("note").asString()).contains("Ditutup otomatis");
	}

	@Test
	void aReplyStopsTheAutoClose() {
		Fixture report = reach(ReportStatus.ANSWERED);
		act(report, "reply", null, Map.of("message", "Belum selesai"));
		assertThat(viewAsReporter(report).get("autoAction").isNull()).isTrue();
		this.clock.advance(Duration.ofDays(30));
		this.timeouts.runDue();
		assertThat(viewAsReporter(report).get("status").asString()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void aHoldWithoutTheReportersDataIsArchivedAfter10WorkingDays() {
		Fixture report = reach(ReportStatus.ON_HOLD);
		assertThat(viewAsReporter(report).get("autoAction").asString()).isEqualTo("archive");
		this.clock.advance(Duration.ofDays(16));
		this.timeouts.runDue();
		JsonNode archived = viewAsReporter(report);
		assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
		JsonNode timeline = timeline(report, null);
		assertThat(timeline.get(timeline.size() - 1).get("note").asString()).contains("tidak melengkapi data");
	}

	@Test
	void aReporterWithAnAccountIsRemindedHalfwayThroughAHoldOnce() {
		JsonNode created = call(createRequest(Map.of("type", "COMPLAINT", "title", "Lampu jalan mati",
				"description", "Lampu jalan di Jl. Gatot Subroto mati sejak seminggu."))
			.header("Authorization", "Bearer " + token("warga")), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional");
		act(report, "receive", "koordinator");
		act(report, "hold", "koordinator", Map.of("reason", "Mohon kirim foto lokasi"));
		this.timeouts.remindDue();
		assertThat(reminders(report)).isEmpty();
		// held Monday 23 November 08:00; archived at the close of 7 December; reminded halfway in
		// working time, on Tuesday 1 December
		this.clock.advance(Duration.ofDays(7));
		this.timeouts.remindDue();
		assertThat(reminders(report)).isEmpty();
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.timeouts.remindDue()).isPositive();
		this.timeouts.remindDue();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(reminders(report)).hasSize(1));
		assertThat(reminders(report).get(0).get("message").asString()).contains("menunggu data tambahan",
				"2026-12-07 16:00");
		assertThat(viewAsReporter(report).get("status").asString()).isEqualTo("ON_HOLD");
	}

	private java.util.List<JsonNode> reminders(Fixture report) {
		return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/notifications")
			.header("Authorization", "Bearer " + token("warga")), 200).valueStream()
			.filter(n -> n.get("trackingCode").asString().equals(report.code()))
			.filter(n -> n.get("kind").asString().equals("HOLD_REMINDER"))
			.toList();
	}

	@Test
	void idempotencyAnswersAreForgottenAfterADay() {
		String key = "forget-" + System.nanoTime();
		call(createRequest(reportBody(false, false)).header("Idempotency-Key", key), 201);
		this.timeouts.forgetIdempotencyKeysOlderThan(Duration.ofHours(24));
		assertThat(stored(key)).isEqualTo(1);
		this.clock.advance(Duration.ofHours(25));
		this.timeouts.forgetIdempotencyKeysOlderThan(Duration.ofHours(24));
		assertThat(stored(key)).isZero();
	}

	private int stored(String key) {
		// the store keeps the client's key only as its hash
		return this.jdbc.sql("select count(*) from idempotency_key where idempotency_key = ?")
			.param("sha256:" + AccessKeys.sha256(key))
			.query(Integer.class)
			.single();
	}

	@Test
	void theResolutionClockStartsAtTheFirstDispositionAndTheOmbudsmanMayTakeOverAfter60Days() {
		Fixture report = reach(ReportStatus.DISPOSED);
		JsonNode disposed = view(report, "dinkes");
		assertThat(disposed.get("resolutionDueAt").asString()).isEqualTo("2026-11-30T16:00:00+07:00");
		assertThat(disposed.get("ombudsmanEligible").asBoolean()).isFalse();
		this.clock.advance(Duration.ofDays(61));
		assertThat(view(report, "dinkes").get("ombudsmanEligible").asBoolean()).isTrue();
	}

}
