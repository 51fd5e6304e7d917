package id.go.jambiprov.lapor.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Transition;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the SOP table, for every actor it names, from every status: allowed where the row
 * says so (and leads where it says), refused with 409 everywhere else, or 404 where the actor
 * cannot see the report at all (scope comes before state: a coordinator may archive a
 * submitted report by the table, but sees it only once it is forwarded to their jurisdiction).
 */
class TransitionTableIntegrationTests extends ApiTestSupport {

	/** A demo account for each role that takes actions; null is the reporter's access key. */
	private static final Map<String, List<String>> ACTORS = Map.ofEntries(Map.entry("forward", List.of("nasional")),
			Map.entry("receive", List.of("koordinator")), Map.entry("verify", List.of("koordinator")),
			Map.entry("return", List.of("koordinator")), Map.entry("acknowledge-return", List.of("nasional")),
			Map.entry("assign", List.of("koordinator")), Map.entry("dispose", List.of("koordinator")),
			Map.entry("accept", List.of("dinkes")), Map.entry("answer", List.of("dinkes")),
			Map.entry("decline", List.of("dinkes")), Map.entry("hold", List.of("koordinator")),
			Map.entry("resume", List.of("koordinator", "")), Map.entry("archive", List.of("nasional", "koordinator")),
			Map.entry("reply", List.of("")), Map.entry("close", List.of("")),
			Map.entry("recall", List.of("koordinator")), Map.entry("link", List.of("koordinator")),
			Map.entry("unlink", List.of("koordinator")));

	@Autowired
	SopDefinition sop;

	@TestFactory
	Stream<DynamicTest> everyActionFromEveryStatus() {
		Map<ReportStatus, Fixture> shared = new EnumMap<>(ReportStatus.class);
		List<DynamicTest> tests = new ArrayList<>();
		for (Action action : Action.values()) {
			if (action == Action.SUBMIT || !action.inTable()) {
				continue;
			}
			assertThat(ACTORS).as("an actor for %s", action.path()).containsKey(action.path());
			for (String actor : ACTORS.get(action.path())) {
				String username = actor.isEmpty() ? null : actor;
				for (ReportStatus status : ReportStatus.values()) {
					String name = action.path() + " by " + (username == null ? "reporter" : username) + " from " + status;
					tests.add(DynamicTest.dynamicTest(name, () -> check(action, username, status, shared)));
				}
			}
		}
		return tests.stream();
	}

	private void check(Action action, String username, ReportStatus status, Map<ReportStatus, Fixture> shared) {
		Optional<Transition> row = this.sop.transition(action, status)
			.filter(r -> r.isTakenBy(username == null ? Role.REPORTER : role(username)));
		if (row.isPresent() && visible(username, status)) {
			Fixture report = reach(status);
			JsonNode after = action == Action.LINK
					? act(report, action.path(), username, Map.of("main", reach(ReportStatus.RECEIVED).code()))
					: act(report, action.path(), username);
			ReportStatus expected = row.get().toPrevious() ? ReportStatus.RECEIVED : row.get().to();
			assertThat(after.get("status").asString()).isEqualTo(expected.name());
			JsonNode timeline = timeline(report, null);
			JsonNode last = timeline.get(timeline.size() - 1);
			assertThat(last.get("action").asString()).isEqualTo(action.path());
			assertThat(last.get("from").asString()).isEqualTo(status.name());
			assertThat(last.get("to").asString()).isEqualTo(expected.name());
			return;
		}
		Fixture report = shared.computeIfAbsent(status, this::reach);
		int expected = visible(username, status) ? 409 : 404;
		JsonNode problem = call(actionRequest(report, action.path(), username, fullActionBody()), expected);
		if (expected == 409) {
			assertThat(problem.get("currentStatus").asString()).isEqualTo(status.name());
			assertThat(problem.get("type").asString()).endsWith("/invalid-transition");
		}
		assertThat(viewAsReporter(report).get("status").asString()).isEqualTo(status.name());
	}

	private static Role role(String username) {
		return switch (username) {
			case "nasional" -> Role.NATIONAL_ADMIN;
			case "koordinator" -> Role.COORDINATOR;
			default -> Role.LIAISON;
		};
	}

	/** Scope: who sees a report in this status (reached on the Jambi path, agency DINKES). */
	private static boolean visible(String username, ReportStatus status) {
		if (username == null || username.equals("nasional")) {
			return true;
		}
		if (username.equals("koordinator")) {
			return status != ReportStatus.SUBMITTED && status != ReportStatus.ARCHIVED;
		}
		return List.of(ReportStatus.DISPOSED, ReportStatus.IN_PROGRESS, ReportStatus.ANSWERED, ReportStatus.CLOSED)
			.contains(status);
	}

}
