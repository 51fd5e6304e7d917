package id.go.jambiprov.lapor.insight.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * SLA figures from the timeline, in working time, scoped to the caller.
 */
class SlaFiguresIntegrationTests extends ApiTestSupport {

	@Autowired
	UserAdministration users;

	@Autowired
	SlaFigureRollup rollup;

	@BeforeEach
	void ownJurisdiction() {
		this.users.createIfAbsent(new NewUser("koordinator-stat", "rahasia123", "Koordinator statistik",
				Role.COORDINATOR, "STATPROV", null));
	}

	private Fixture receivedAndVerified(Duration toReceive, Duration toVerify) {
		return receivedAndVerified("STATPROV", "koordinator-stat", toReceive, toVerify);
	}

	private Fixture receivedAndVerified(String jurisdiction, String coordinator, Duration toReceive,
			Duration toVerify) {
		this.clock.set(TestClockConfiguration.MONDAY_MORNING);
		Fixture report = submit();
		act(report, "forward", "nasional", Map.of("jurisdiction", jurisdiction));
		this.clock.advance(toReceive);
		act(report, "receive", coordinator);
		this.clock.advance(toVerify);
		act(report, "verify", coordinator);
		return report;
	}

	/** The figures are fed by the transitions' events, after each commit. */
	private void rollUpEverything() {
		awaitListeners("SlaFigureRollup");
	}

	@Test
	void stepsAreMeasuredInWorkingTimeAgainstTheirStandard() {
		receivedAndVerified(Duration.ofMinutes(30), Duration.ofMinutes(5));
		// received at 11:50: the 20 minutes to verify span the lunch break, 10 working minutes
		receivedAndVerified(Duration.ofMinutes(230), Duration.ofMinutes(80));
		rollUpEverything();
		JsonNode figures = call(get("/api/v1/stats/sla").param("from", "2026-11-23").param("to", "2026-11-23")
			.header("Authorization", "Bearer " + token("koordinator-stat")), 200);
		assertThat(figures.get("jurisdiction").asString()).isEqualTo("STATPROV");
		JsonNode verify = figures.get("steps").valueStream()
			.filter(s -> s.get("waitingIn").asString().equals("RECEIVED"))
			.findFirst()
			.orElseThrow();
		assertThat(verify.get("step").asString()).isEqualTo("4");
		assertThat(verify.get("action").asString()).isEqualTo("verify");
		assertThat(verify.get("count").asLong()).isEqualTo(2);
		assertThat(verify.get("onTimeShare").asDouble()).isEqualTo(0.5);
		// 5 and 20 working minutes (11:50-12:00 and 13:00-13:10), read from histograms within 5%
		assertThat(verify.get("medianWorkingMinutes").asDouble()).isCloseTo(12.5, withinPercentage(5));
		assertThat(verify.get("p90WorkingMinutes").asDouble()).isCloseTo(18.5, withinPercentage(5));
		assertThat(verify.get("standard").get("amount").asInt()).isEqualTo(10);
		JsonNode receive = figures.get("steps").get(1);
		assertThat(receive.get("waitingIn").asString()).isEqualTo("FORWARDED");
		assertThat(receive.get("onTimeShare").asDouble()).isEqualTo(1.0);
	}

	@Test
	void aRedeliveredTransitionIsCountedOnce() {
		rollUpEverything();
		long before = rolledUpVerifications();
		Fixture report = receivedAndVerified(OTHER_JURISDICTION, "koordinator-lain", Duration.ofMinutes(1),
				Duration.ofMinutes(1));
		rollUpEverything();
		assertThat(rolledUpVerifications()).isEqualTo(before + 1);
		// the registry delivers at least once: the same entry again changes nothing
		var entry = this.jdbc.sql("""
				select t.report_id, t.entry_number, t.occurred_at, t.due_at, t.working_seconds, t.met from timeline_entry t
				join report r on r.id = t.report_id where r.tracking_code = ? and t.action = 'verify'""")
			.param(report.code().replace("-", ""))
			.query((rs, n) -> new SlaFigureRollup.Entry(rs.getObject(1, java.util.UUID.class), rs.getInt(2),
					rs.getTimestamp(3).toInstant(), OTHER_JURISDICTION, null, "RECEIVED", rs.getTimestamp(4).toInstant(),
					rs.getBoolean(6), rs.getLong(5)))
			.single();
		assertThat(this.rollup.count(entry)).isFalse();
		assertThat(rolledUpVerifications()).isEqualTo(before + 1);
	}

	@Test
	void figuresFedByEventsEqualTheFiguresRebuiltFromTheTimeline() {
		receivedAndVerified(OTHER_JURISDICTION, "koordinator-lain", Duration.ofMinutes(40), Duration.ofMinutes(15));
		receivedAndVerified(OTHER_JURISDICTION, "koordinator-lain", Duration.ofHours(26), Duration.ofMinutes(3));
		Fixture disposed = receivedAndVerified(OTHER_JURISDICTION, "koordinator-lain", Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		act(disposed, "assign", "koordinator-lain", Map.of("agency", "TESTDINAS"));
		this.clock.advance(Duration.ofMinutes(7));
		act(disposed, "dispose", "koordinator-lain");
		rollUpEverything();
		// one jurisdiction: reports filed in module tests (contexts without this module) stay out
		var request = get("/api/v1/stats/sla").param("from", "2026-01-01").param("to", "2026-12-31")
			.param("jurisdiction", OTHER_JURISDICTION)
			.header("Authorization", "Bearer " + token("nasional"));
		JsonNode fedByEvents = call(request, 200);
		assertThat(this.rollup.rebuild()).isPositive();
		JsonNode rebuilt = call(request, 200);
		assertThat(rebuilt).isEqualTo(fedByEvents);
		assertThat(fedByEvents.get("steps").size()).isGreaterThanOrEqualTo(4);
	}

	private long rolledUpVerifications() {
		return this.jdbc.sql("""
				select coalesce(sum(entries), 0) from sla_figure_daily
				where jurisdiction = ? and from_status = 'RECEIVED'""")
			.param(OTHER_JURISDICTION)
			.query(Long.class)
			.single();
	}

	@Test
	void percentilesFromHistogramsFollowPercentileCont() {
		java.util.List<long[]> buckets = java.util.List.of(new long[] { SlaFigureRollup.bucket(300), 1 },
				new long[] { SlaFigureRollup.bucket(1200), 1 });
		assertThat(SlaFigureRollup.percentile(buckets, 0.5)).isCloseTo(750.0, withinPercentage(5));
		assertThat(SlaFigureRollup.percentile(buckets, 0.0)).isCloseTo(300.0, withinPercentage(5));
		assertThat(SlaFigureRollup.percentile(buckets, 1.0)).isCloseTo(1200.0, withinPercentage(5));
		assertThat(SlaFigureRollup.percentile(java.util.List.of(), 0.5)).isNull();
	}

	@Test
	void figuresAreForOfficersInTheirScope() {
		call(get("/api/v1/stats/sla"), 401);
		call(get("/api/v1/stats/sla").header("Authorization", "Bearer " + token("admin")), 403);
		JsonNode other = call(get("/api/v1/stats/sla").param("jurisdiction", "STATPROV")
			.header("Authorization", "Bearer " + token("koordinator")), 200);
		assertThat(other.get("jurisdiction").asString()).isEqualTo("JAMBI");
		JsonNode agency = call(get("/api/v1/stats/sla").header("Authorization", "Bearer " + token("dinkes")), 200);
		assertThat(agency.get("agency").asString()).isEqualTo("DINKES");
		call(get("/api/v1/stats/sla").param("from", "2026-12-01").param("to", "2026-11-01")
			.header("Authorization", "Bearer " + token("nasional")), 400);
	}

}
