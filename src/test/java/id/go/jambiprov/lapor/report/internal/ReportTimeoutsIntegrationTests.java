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
		return this.jdbc.sql("select count(*) from idempotency_key where idempotency_key = ?")
			.param(key)
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
