package id.go.jambiprov.lapor.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.TestClockConfiguration;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The report owns every deadline it carries: a day off added inside a running window moves the
 * hold's timeout and its reminder, an answered report's automatic close, the resolution
 * deadline, and the SLA module's clocks with them, each by exactly one working day; removing
 * the day moves them back.
 */
class DeadlineRecomputationIntegrationTests extends ApiTestSupport {

	private record Times(Instant timeout, Instant reminder, Instant resolution, Instant stepDue, Instant clockDue,
			Instant resolutionClockDue) {
	}

	private Times times(Fixture report) {
		String code = report.code().replace("-", "");
		return this.jdbc.sql("""
				select r.timeout_at, r.reminder_at, r.resolution_due_at, r.step_due_at, c.due_at as clock_due,
				  s.due_at as resolution_clock_due
				from report r left join sla_clock c on c.report_id = r.id left join sla_resolution s on s.report_id = r.id
				where r.tracking_code = ?""")
			.param(code)
			.query((rs, n) -> new Times(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
					instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
					instant(rs.getTimestamp(6))))
			.single();
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Instant wib(String localDateTime) {
		return Instant.parse(localDateTime).minus(Duration.ofHours(7));
	}

	@Test
	void aDayOffMovesEveryRunningDeadlineByOneWorkingDayAndBack() {
		this.clock.set(TestClockConfiguration.MONDAY_MORNING);
		Fixture held = reach(ReportStatus.ON_HOLD);
		Fixture answered = reach(ReportStatus.ANSWERED);
		Fixture working = reach(ReportStatus.IN_PROGRESS);
		awaitClock(held, "ON_HOLD");
		awaitClock(answered, "ANSWERED");
		awaitClock(working, "IN_PROGRESS");
		// everything started on Monday 23 November 2026, 08:00 in Jakarta
		Times heldBefore = times(held);
		Times answeredBefore = times(answered);
		Times workingBefore = times(working);
		assertThat(heldBefore.timeout()).isEqualTo(wib("2026-12-07T16:00:00Z"));
		assertThat(heldBefore.reminder()).isEqualTo(wib("2026-11-30T11:30:00Z"));
		assertThat(answeredBefore.timeout()).isEqualTo(wib("2026-12-07T16:00:00Z"));
		assertThat(workingBefore.resolution()).isEqualTo(wib("2026-11-30T16:00:00Z"));
		assertThat(workingBefore.resolutionClockDue()).isEqualTo(workingBefore.resolution());
		assertThat(workingBefore.clockDue()).isEqualTo(workingBefore.stepDue());

		// Wednesday 25 November becomes a day off
		call(post("/api/v1/calendar/holidays").header("Authorization", "Bearer " + token("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("date", "2026-11-25", "kind", "COLLECTIVE_LEAVE", "name",
					"Uji tenggat"))), 201);
		try {
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				assertThat(times(held).timeout()).isEqualTo(wib("2026-12-08T16:00:00Z"));
				assertThat(times(held).reminder()).isEqualTo(wib("2026-12-01T11:30:00Z"));
				assertThat(times(answered).timeout()).isEqualTo(wib("2026-12-08T16:00:00Z"));
				assertThat(times(working).resolution()).isEqualTo(wib("2026-12-01T16:00:00Z"));
				assertThat(times(working).resolutionClockDue()).isEqualTo(wib("2026-12-01T16:00:00Z"));
				assertThat(times(working).clockDue()).isEqualTo(times(working).stepDue());
			});
			assertThat(times(working).stepDue()).isEqualTo(wib("2026-12-01T16:00:00Z"));
		}
		finally {
			call(delete("/api/v1/calendar/holidays/2026-11-25").header("Authorization", "Bearer " + token("admin")), 204);
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(times(held)).isEqualTo(heldBefore);
			assertThat(times(answered)).isEqualTo(answeredBefore);
			assertThat(times(working)).isEqualTo(workingBefore);
		});
	}

}
