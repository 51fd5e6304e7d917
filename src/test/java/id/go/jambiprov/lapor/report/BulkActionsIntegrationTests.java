package id.go.jambiprov.lapor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One action on many reports: each its own transaction, each answered on its own, one refused
 * report stopping none of the others.
 */
class BulkActionsIntegrationTests extends ApiTestSupport {

	private MockHttpServletRequestBuilder bulk(String action, String username, Map<String, Object> body) {
		MockHttpServletRequestBuilder request = post("/api/v1/reports/actions/{action}", action)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body));
		return username == null ? request : request.header("Authorization", "Bearer " + token(username));
	}

	private static List<String> codes(List<Fixture> reports) {
		return reports.stream().map(Fixture::code).toList();
	}

	@Test
	void fiveReportsAreReceivedInOneGoAndTheOneThatCannotBeIsSaidWhy() {
		List<Fixture> forwarded = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			forwarded.add(reach(ReportStatus.FORWARDED));
		}
		// one of the five was already received by a colleague
		Fixture notYet = reach(ReportStatus.VERIFIED);
		List<String> codes = new ArrayList<>(codes(forwarded));
		codes.add(2, notYet.code());

		JsonNode result = call(bulk("receive", "koordinator", Map.of("codes", codes)), 200);
		assertThat(result.get("done").asInt()).isEqualTo(4);
		assertThat(result.get("refused").asInt()).isEqualTo(1);
		JsonNode results = result.get("results");
		assertThat(results.valueStream().map(r -> r.get("code").asString()).toList()).containsExactlyElementsOf(codes);
		JsonNode refused = results.get(2);
		assertThat(refused.get("outcome").asString()).isEqualTo("refused");
		assertThat(refused.get("problem").get("status").asInt()).isEqualTo(409);
		assertThat(refused.get("problem").get("type").asString()).endsWith("/invalid-transition");
		assertThat(refused.get("problem").get("currentStatus").asString()).isEqualTo("VERIFIED");
		assertThat(refused.get("problem").get("detail").asString()).isNotBlank();
		for (Fixture report : forwarded) {
			assertThat(view(report, "koordinator").get("status").asString()).isEqualTo("RECEIVED");
			assertThat(last(timeline(report, "koordinator")).get("action").asString()).isEqualTo("receive");
		}
		assertThat(view(notYet, "koordinator").get("status").asString()).isEqualTo("VERIFIED");
		assertThat(results.get(0).get("status").asString()).isEqualTo("RECEIVED");

		// again: each is now refused as already received, nothing is recorded twice
		JsonNode again = call(bulk("receive", "koordinator", Map.of("codes", codes(forwarded))), 200);
		assertThat(again.get("done").asInt()).isZero();
		assertThat(timeline(forwarded.get(0), "koordinator").valueStream()
			.filter(e -> e.get("action").asString().equals("receive"))
			.count()).isEqualTo(1);
	}

	@Test
	void theNationalAdminForwardsToOneJurisdictionAndTheLiaisonAccepts() {
		Fixture a = reach(ReportStatus.SUBMITTED);
		Fixture b = reach(ReportStatus.SUBMITTED);
		assertThat(call(bulk("forward", "nasional", Map.of("codes", List.of(a.code(), b.code()))), 400).toString())
			.contains("jurisdiction");
		JsonNode forwarded = call(bulk("forward", "nasional",
				Map.of("codes", List.of(a.code(), b.code()), "jurisdiction", "JAMBI")), 200);
		assertThat(forwarded.get("done").asInt()).isEqualTo(2);

		Fixture c = reach(ReportStatus.DISPOSED);
		Fixture d = reach(ReportStatus.DISPOSED);
		JsonNode accepted = call(bulk("accept", "dinkes", Map.of("codes", List.of(c.code(), d.code()))), 200);
		assertThat(accepted.get("done").asInt()).isEqualTo(2);
		assertThat(view(c, "dinkes").get("status").asString()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void refusalsPerCodeAreTheSingleActionsOwn() {
		Fixture forwarded = reach(ReportStatus.FORWARDED);
		// a role that never receives; a coordinator of another jurisdiction; an unknown code
		JsonNode liaison = call(bulk("receive", "dinkes", Map.of("codes", List.of(forwarded.code()))), 200);
		assertThat(liaison.get("results").get(0).get("problem").get("status").asInt()).isEqualTo(403);
		JsonNode other = call(bulk("receive", "koordinator-lain",
				Map.of("codes", List.of(forwarded.code(), "1234-5678-9012"))), 200);
		assertThat(other.get("results").get(0).get("problem").get("status").asInt()).isEqualTo(404);
		assertThat(other.get("results").get(1).get("problem").get("status").asInt()).isEqualTo(404);
		assertThat(view(forwarded, "koordinator").get("status").asString()).isEqualTo("FORWARDED");
	}

	@Test
	void onlyActionsWithoutPerReportInputAndAtMostAHundredCodes() {
		Fixture report = reach(ReportStatus.RECEIVED);
		JsonNode answer = call(bulk("verify", "koordinator", Map.of("codes", List.of(report.code()))), 400);
		assertThat(answer.toString()).contains("action");
		call(bulk("receive", "koordinator", Map.of("codes", List.of())), 400);
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			many.add("0000-0000-" + String.format("%04d", i));
		}
		assertThat(call(bulk("receive", "koordinator", Map.of("codes", many)), 400).toString()).contains("codes");
		call(bulk("receive", null, Map.of("codes", List.of(report.code()))), 401);
	}

	private static JsonNode last(JsonNode timeline) {
		return timeline.get(timeline.size() - 1);
	}

}
