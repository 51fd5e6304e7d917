package id.go.jambiprov.lapor.sop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

class CalendarApiIntegrationTests extends ApiTestSupport {

	private String dueAt(String from, int amount, String unit) {
		return call(get("/api/v1/calendar/due").param("from", from)
			.param("amount", String.valueOf(amount))
			.param("unit", unit), 200).get("dueAt").asString();
	}

	@Test
	void dueTimesFollowTheWorkingCalendar() {
		assertThat(dueAt("2026-11-25T11:55:00+07:00", 10, "MINUTES")).isEqualTo("2026-11-25T13:05:00+07:00");
		assertThat(dueAt("2026-11-27T09:25:00Z", 10, "MINUTES")).isEqualTo("2026-11-30T07:35:00+07:00");
		assertThat(dueAt("2026-11-28T09:00:00+07:00", 5, "MINUTES")).isEqualTo("2026-11-30T07:35:00+07:00");
		assertThat(dueAt("2026-03-17T10:00:00+07:00", 1, "WORKING_DAYS")).isEqualTo("2026-03-25T16:00:00+07:00");
		assertThat(dueAt("2026-03-17T10:00:00+07:00", 3, "WORKING_DAYS")).isEqualTo("2026-03-27T16:30:00+07:00");
		assertThat(dueAt("2026-11-27T16:15:00+07:00", 1, "WORKING_DAYS")).isEqualTo("2026-11-30T16:00:00+07:00");
		assertThat(dueAt("2026-12-23T15:00:00+07:00", 1, "WORKING_DAYS")).isEqualTo("2026-12-28T16:00:00+07:00");
		assertThat(dueAt("2026-03-05T14:55:00+07:00", 10, "MINUTES")).as("Ramadan hours")
			.isEqualTo("2026-03-06T08:05:00+07:00");
	}

	@Test
	void aBadDueQueryNamesEveryField() {
		JsonNode problem = call(get("/api/v1/calendar/due").param("from", "yesterday")
			.param("amount", "-1")
			.param("unit", "WEEKS"), 400);
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains("unit");
		JsonNode missing = call(get("/api/v1/calendar/due").param("from", "tomorrow").param("amount", "-1"), 400);
		assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("from", "amount", "unit");
	}

	@Test
	void theYearsDaysOffAreListedWithKindAndName() {
		JsonNode days = call(get("/api/v1/calendar/holidays").param("year", "2026"), 200);
		assertThat(days.size()).isEqualTo(25);
		assertThat(days.get(0).get("date").asString()).isEqualTo("2026-01-01");
		assertThat(days.get(0).get("kind").asString()).isEqualTo("HOLIDAY");
		assertThat(days.valueStream().filter(d -> d.get("kind").asString().equals("COLLECTIVE_LEAVE")).count())
			.isEqualTo(8);
		assertThat(call(get("/api/v1/calendar/holidays").param("year", "2025"), 200).size()).isEqualTo(28);
	}

	@Test
	void officeHoursAndRamadanArePublic() {
		JsonNode hours = call(get("/api/v1/calendar/office-hours"), 200);
		assertThat(hours.get("normal").get("FRIDAY").get(1).get("end").asString()).isEqualTo("16:30");
		assertThat(hours.get("ramadan").get("MONDAY").get(0).get("start").asString()).isEqualTo("08:00");
		assertThat(hours.get("ramadanPeriods").size()).isEqualTo(2);
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + token("admin")).contentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void onlyTheSystemAdminChangesTheCalendarAndEveryChangeIsAudited() {
		Map<String, Object> day = Map.of("date", "2026-10-02", "kind", "HOLIDAY", "name", "Hari Batik (uji)");
		call(post("/api/v1/calendar/holidays").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(day)), 401);
		call(post("/api/v1/calendar/holidays").header("Authorization", "Bearer " + token("koordinator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(day)), 403);

		call(asAdmin(post("/api/v1/calendar/holidays")).content(this.json.writeValueAsString(day)), 201);
		call(asAdmin(post("/api/v1/calendar/holidays")).content(this.json.writeValueAsString(day)), 409);
		JsonNode changed = call(asAdmin(put("/api/v1/calendar/holidays/2026-10-02"))
			.content(this.json.writeValueAsString(Map.of("kind", "COLLECTIVE_LEAVE", "name", "Cuti bersama (uji)"))), 200);
		assertThat(changed.get("kind").asString()).isEqualTo("COLLECTIVE_LEAVE");
		// Friday 2 October is now a day off: a working day from Thursday ends on Monday
		assertThat(dueAt("2026-10-01T10:00:00+07:00", 1, "WORKING_DAYS")).isEqualTo("2026-10-05T16:00:00+07:00");
		call(asAdmin(delete("/api/v1/calendar/holidays/2026-10-02")), 204);
		call(asAdmin(delete("/api/v1/calendar/holidays/2026-10-02")), 404);
		// a blank date in the path is the caller's mistake: 400, not 500
		call(asAdmin(put("/api/v1/calendar/holidays/%20"))
			.content(this.json.writeValueAsString(Map.of("kind", "HOLIDAY", "name", "Kosong"))), 400);
		call(asAdmin(delete("/api/v1/calendar/holidays/%20")), 400);
		assertThat(dueAt("2026-10-01T10:00:00+07:00", 1, "WORKING_DAYS")).isEqualTo("2026-10-02T16:30:00+07:00");

		JsonNode audit = call(asAdmin(get("/api/v1/calendar/holidays/changes")).param("year", "2026"), 200);
		assertThat(audit.valueStream().filter(c -> c.get("date").asString().equals("2026-10-02"))
			.map(c -> c.get("change").asString()).toList()).containsSubsequence("ADDED", "CHANGED", "REMOVED");
		JsonNode added = audit.valueStream()
			.filter(c -> c.get("date").asString().equals("2026-10-02") && c.get("change").asString().equals("ADDED"))
			.findFirst()
			.orElseThrow();
		assertThat(added.get("changedBy").asString()).isEqualTo("admin");
		assertThat(added.get("nameAfter").asString()).isEqualTo("Hari Batik (uji)");
		call(get("/api/v1/calendar/holidays/changes").header("Authorization", "Bearer " + token("koordinator")), 403);
	}

	@Test
	void invalidDaysOffAreRefused() {
		JsonNode problem = call(asAdmin(post("/api/v1/calendar/holidays")).content("{\"kind\":\"PARTY\"}"), 400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("kind");
		JsonNode missing = call(asAdmin(post("/api/v1/calendar/holidays")).content("{}"), 400);
		assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("date", "kind", "name");
	}

	@Test
	void theAuditTrailCannotBeRewritten() {
		call(asAdmin(post("/api/v1/calendar/holidays"))
			.content(this.json.writeValueAsString(Map.of("date", "2026-10-09", "kind", "HOLIDAY", "name", "Uji"))), 201);
		call(asAdmin(delete("/api/v1/calendar/holidays/2026-10-09")), 204);
		assertThatThrownBy(() -> this.jdbc.sql("delete from holiday_change").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void aYearWithoutItsSkbGetsProvisionalDaysAndTheHealthEndpointWarnsUntilTheyAreConfirmed() {
		// the test clock stands in November 2026; 2027 has no official list: computed days fill it
		JsonNode year = call(get("/api/v1/calendar/holidays").param("year", "2027"), 200);
		assertThat(year.valueStream().filter(d -> d.get("provisional").asBoolean()).count()).isEqualTo(17);
		assertThat(year.valueStream().map(d -> d.get("date").asString()).toList()).contains("2027-01-01", "2027-03-26",
				"2027-05-06", "2027-08-17", "2027-12-25");
		// a deadline over the new year does not count New Year's Day as a working day
		assertThat(call(get("/api/v1/calendar/due").param("from", "2026-12-31T08:00:00+07:00").param("amount", "1")
			.param("unit", "WORKING_DAYS"), 200).get("dueAt").asString()).startsWith("2027-01-04");

		assertThat(call(get("/actuator/health"), 200).get("status").asString()).isEqualTo("WARNING");
		// the SKB is out: the admin confirms the days of the next 60 days
		List<String> soon = year.valueStream()
			.map(d -> d.get("date").asString())
			.filter(d -> d.compareTo("2027-01-23") <= 0)
			.toList();
		assertThat(soon).isNotEmpty();
		for (String day : soon) {
			JsonNode confirmed = call(asAdmin(post("/api/v1/calendar/holidays/{date}/confirmation", day)), 200);
			assertThat(confirmed.get("provisional").asBoolean()).isFalse();
		}
		assertThat(call(get("/actuator/health"), 200).get("status").asString()).isEqualTo("UP");
		call(post("/api/v1/calendar/holidays/{date}/confirmation", "2027-12-25"), 401);
		JsonNode changes = call(asAdmin(get("/api/v1/calendar/holidays/changes").param("year", "2027")), 200);
		assertThat(changes.toString()).contains("PROVIDED", "CONFIRMED", "sistem (perkiraan)");
	}

	@Test
	void runningDeadlinesAreRecomputedWhenTheCalendarChanges() {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		// accepted Monday 23 November 08:00: the answer is due at the close of Monday 30 November
		assertThat(view(report, "dinkes").get("dueAt").asString()).isEqualTo("2026-11-30T16:00:00+07:00");
		call(asAdmin(post("/api/v1/calendar/holidays"))
			.content(this.json.writeValueAsString(Map.of("date", "2026-11-25", "kind", "COLLECTIVE_LEAVE", "name", "Uji"))),
				201);
		try {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(view(report, "dinkes").get("dueAt").asString())
					.isEqualTo("2026-12-01T16:00:00+07:00"));
			JsonNode timeline = timeline(report, "koordinator");
			assertThat(timeline.get(timeline.size() - 1).get("action").asString()).isEqualTo("accept");
		}
		finally {
			call(asAdmin(delete("/api/v1/calendar/holidays/2026-11-25")), 204);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(view(report, "dinkes").get("dueAt").asString())
				.isEqualTo("2026-11-30T16:00:00+07:00"));
	}

}
