package id.go.jambiprov.lapor.report.internal;

import java.time.Duration;
import java.time.Instant;
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

	/** Everything written so far: the suite moves its clock back and forth between tests. */
	private void rollUpEverything() {
		this.rollup.rollUpUntil(Instant.parse("9999-01-01T00:00:00Z"));
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
	void theRollUpCountsEveryEntryOnceAndLeavesTheYoungestForLater() {
		rollUpEverything();
		long before = rolledUpVerifications();
		Fixture report = receivedAndVerified(OTHER_JURISDICTION, "koordinator-lain", Duration.ofMinutes(1),
				Duration.ofMinutes(1));
		// verified a minute ago: younger than the two-minute lag, so it waits
		this.rollup.rollUp(Duration.ofMinutes(2));
		assertThat(rolledUpVerifications()).isEqualTo(before);
		this.clock.advance(Duration.ofMinutes(3));
		this.rollup.rollUp(Duration.ofMinutes(2));
		this.rollup.rollUp(Duration.ofMinutes(2));
		assertThat(rolledUpVerifications()).isEqualTo(before + 1);
		assertThat(report.code()).isNotBlank();
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
