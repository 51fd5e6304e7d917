package id.go.jambiprov.lapor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every role is refused (403) every action the SOP table never gives it, whatever the report,
 * and the answer reveals nothing about the report.
 */
class RolePermissionIntegrationTests extends ApiTestSupport {

	/** A user of each role that can log in; the empty name is a reporter with the access key. */
	private static final Map<String, Role> PRINCIPALS = Map.of("nasional", Role.NATIONAL_ADMIN, "koordinator",
			Role.COORDINATOR, "dinkes", Role.LIAISON, "pengawas", Role.SUPERVISOR, "admin", Role.SYSTEM_ADMIN, "warga",
			Role.REPORTER, "", Role.REPORTER);

	@Autowired
	SopDefinition sop;

	@TestFactory
	Stream<DynamicTest> everyRoleIsRefusedEveryActionItNeverTakes() {
		Fixture[] report = new Fixture[1];
		List<DynamicTest> tests = new ArrayList<>();
		for (Action action : Action.values()) {
			if (action == Action.SUBMIT || !action.inTable()) {
				continue;
			}
			PRINCIPALS.forEach((user, role) -> {
				if (!this.sop.actorsOf(action).contains(role)) {
					tests.add(DynamicTest.dynamicTest(action.path() + " refused to " + (user.isEmpty() ? "access key" : user),
							() -> {
								if (report[0] == null) {
									report[0] = reach(ReportStatus.RECEIVED);
								}
								JsonNode problem = call(actionRequest(report[0], action.path(),
										user.isEmpty() ? null : user, fullActionBody()), 403);
								assertThat(problem.get("type").asString()).endsWith("/forbidden-action");
								assertThat(problem.has("currentStatus")).isFalse();
							}));
				}
			});
		}
		return tests.stream();
	}

	@Test
	void aRoleNeverAllowedIsRefusedEvenForAReportThatDoesNotExist() {
		Fixture missing = new Fixture("1234-5678-9012", "x");
		assertThat(status(actionRequest(missing, "forward", "koordinator", fullActionBody()))).isEqualTo(403);
		assertThat(status(actionRequest(missing, "forward", "nasional", fullActionBody()))).isEqualTo(404);
	}

	@Test
	void theSystemAdminNeverReadsReportContent() {
		Fixture report = reach(ReportStatus.RECEIVED);
		call(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token("admin")), 403);
		call(get("/api/v1/reports/{code}/timeline", report.code()).header("Authorization", "Bearer " + token("admin")),
				403);
		call(get("/api/v1/inbox").header("Authorization", "Bearer " + token("admin")), 403);
	}

	@Test
	void theSupervisorReadsButNeverActs() {
		Fixture report = reach(ReportStatus.RECEIVED);
		JsonNode seen = view(report, "pengawas");
		assertThat(seen.get("allowedActions").isEmpty()).isTrue();
		call(actionRequest(report, "verify", "pengawas", fullActionBody()), 403);
	}

}
