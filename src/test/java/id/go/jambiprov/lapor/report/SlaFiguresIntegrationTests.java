package id.go.jambiprov.lapor.report;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * SLA figures from the timeline, in working time, scoped to the caller.
 */
class SlaFiguresIntegrationTests extends ApiTestSupport {

	@Autowired
	UserAdministration users;

	@BeforeEach
	void ownJurisdiction() {
		this.users.createIfAbsent(new NewUser("koordinator-stat", "rahasia123", "Koordinator statistik",
				Role.COORDINATOR, "STATPROV", null));
	}

	private Fixture receivedAndVerified(Duration toReceive, Duration toVerify) {
		this.clock.set(TestClockConfiguration.MONDAY_MORNING);
		Fixture report = submit();
		act(report, "forward", "nasional", Map.of("jurisdiction", "STATPROV"));
		this.clock.advance(toReceive);
		act(report, "receive", "koordinator-stat");
		this.clock.advance(toVerify);
		act(report, "verify", "koordinator-stat");
		return report;
	}

	@Test
	void stepsAreMeasuredInWorkingTimeAgainstTheirStandard() {
		receivedAndVerified(Duration.ofMinutes(30), Duration.ofMinutes(5));
		// received at 11:50: the 20 minutes to verify span the lunch break, 10 working minutes
		receivedAndVerified(Duration.ofMinutes(230), Duration.ofMinutes(80));
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
		// 5 and 20 working minutes (11:50-12:00 and 13:00-13:10)
		assertThat(verify.get("medianWorkingMinutes").asDouble()).isEqualTo(12.5);
		assertThat(verify.get("p90WorkingMinutes").asDouble()).isEqualTo(18.5);
		assertThat(verify.get("standard").get("amount").asInt()).isEqualTo(10);
		JsonNode receive = figures.get("steps").get(1);
		assertThat(receive.get("waitingIn").asString()).isEqualTo("FORWARDED");
		assertThat(receive.get("onTimeShare").asDouble()).isEqualTo(1.0);
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
