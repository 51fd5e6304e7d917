package id.go.jambiprov.lapor.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The journeys of the decree and of national practice, end to end through the API.
 */
class ReportJourneyIntegrationTests extends ApiTestSupport {

	@Test
	void theHappyPathWalksAllEightStepsAndCloses() {
		Fixture report = submit();
		assertThat(act(report, "forward", "nasional").get("status").asString()).isEqualTo("FORWARDED");
		this.clock.advance(Duration.ofHours(1));
		act(report, "receive", "koordinator");
		JsonNode received = view(report, "koordinator");
		// Monday 09:00: verification (10 working minutes) is due 09:10
		assertThat(received.get("dueAt").asString()).isEqualTo("2026-11-23T09:10:00+07:00");
		assertThat(received.get("allowedActions").valueStream().map(JsonNode::asString).toList())
			.containsExactly("verify", "return", "link", "hold", "archive");
		act(report, "verify", "koordinator");
		act(report, "assign", "koordinator");
		JsonNode disposed = act(report, "dispose", "koordinator");
		assertThat(disposed.get("agency").get("code").asString()).isEqualTo("DINKES");
		act(report, "accept", "dinkes");
		JsonNode inProgress = view(report, "dinkes");
		// the answer is due at the close of the 5th working day: Monday 30 November 16:00
		assertThat(inProgress.get("dueAt").asString()).isEqualTo("2026-11-30T16:00:00+07:00");
		act(report, "answer", "dinkes", Map.of("answer", "Jalan sudah ditambal pada 25 November."));
		JsonNode answered = viewAsReporter(report);
		assertThat(answered.get("answer").asString()).isEqualTo("Jalan sudah ditambal pada 25 November.");
		assertThat(answered.get("allowedActions").valueStream().map(JsonNode::asString).toList())
			.containsExactly("reply", "close");
		JsonNode closed = act(report, "close", null, Map.of("rating", 4, "comment", "Cepat"));
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("rating").asInt()).isEqualTo(4);

		JsonNode timeline = timeline(report, "koordinator");
		assertThat(timeline.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("submit",
				"forward", "receive", "verify", "assign", "dispose", "accept", "answer", "close");
		assertThat(timeline.valueStream().map(e -> e.get("step").isNull() ? "" : e.get("step").asString()).toList()).containsExactly("1", "2", "3",
				"4", "6", "7", "8", "8", "");
		JsonNode verify = timeline.get(3);
		assertThat(verify.get("actor").get("username").asString()).isEqualTo("koordinator");
		assertThat(verify.get("dueAt").asString()).isEqualTo("2026-11-23T09:10:00+07:00");
		assertThat(verify.get("met").asBoolean()).isTrue();
		assertThat(timeline.get(0).get("actor").get("role").asString()).isEqualTo("REPORTER");
	}

	@Test
	void theClockShowsOnTimeThenApproachingThenOverdueAndTheInboxFiltersByIt() {
		Fixture report = reach(ReportStatus.RECEIVED);
		// received Monday 08:00: verification (10 working minutes) is due 08:10, approaching from 08:07:30
		assertThat(view(report, "koordinator").get("clock").asString()).isEqualTo("ON_TIME");
		this.clock.advance(Duration.ofMinutes(8));
		assertThat(view(report, "koordinator").get("clock").asString()).isEqualTo("APPROACHING");
		assertThat(inboxCodes("APPROACHING")).contains(report.code());
		assertThat(inboxCodes("OVERDUE")).doesNotContain(report.code());
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(view(report, "koordinator").get("clock").asString()).isEqualTo("OVERDUE");
		assertThat(inboxCodes("OVERDUE")).contains(report.code());
		assertThat(inboxCodes("ON_TIME")).doesNotContain(report.code());
		assertThat(call(get("/api/v1/track/{code}", report.code()), 200).get("clock").asString()).isEqualTo("OVERDUE");
	}

	private List<String> inboxCodes(String clockState) {
		List<String> codes = new ArrayList<>();
		String cursor = null;
		do {
			var request = get("/api/v1/inbox").param("clock", clockState).param("limit", "100")
				.header("Authorization", "Bearer " + token("koordinator"));
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			JsonNode page = call(request, 200);
			page.get("items").valueStream().forEach(i -> {
				codes.add(i.get("trackingCode").asString());
				assertThat(i.get("clock").asString()).isEqualTo(clockState);
			});
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		return codes;
	}

	@Test
	void aStepTakenLateIsRecordedAsMissed() {
		Fixture report = reach(ReportStatus.RECEIVED);
		this.clock.advance(Duration.ofMinutes(30));
		act(report, "verify", "koordinator");
		JsonNode timeline = timeline(report, "koordinator");
		assertThat(timeline.get(timeline.size() - 1).get("met").asBoolean()).isFalse();
	}

	@Test
	void theReturnPathGoesBackToTheNationalAdminAndForwardAgain() {
		Fixture report = reach(ReportStatus.RECEIVED);
		act(report, "return", "koordinator", Map.of("reason", "Kewenangan Kabupaten Kerinci"));
		act(report, "acknowledge-return", "nasional");
		JsonNode forwarded = act(report, "forward", "nasional", Map.of("jurisdiction", OTHER_JURISDICTION));
		assertThat(forwarded.get("status").asString()).isEqualTo("FORWARDED");
		assertThat(forwarded.get("jurisdiction").asString()).isEqualTo(OTHER_JURISDICTION);
		// Jambi's coordinator no longer sees it; the other jurisdiction's does
		call(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token("koordinator")),
				404);
		act(report, "receive", "koordinator-lain");
		assertThat(timeline(report, "nasional").valueStream().map(e -> e.get("action").asString()).toList())
			.containsExactly("submit", "forward", "receive", "return", "acknowledge-return", "forward", "receive");
	}

	@Test
	void aDeclinedReportGoesBackToTheCoordinatorAndDisappearsFromTheAgency() {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		JsonNode declined = act(report, "decline", "dinkes", Map.of("reason", "Bukan urusan Dinas Kesehatan"));
		assertThat(declined.get("status").asString()).isEqualTo("VERIFIED");
		call(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token("dinkes")), 404);
		JsonNode inbox = call(get("/api/v1/inbox").header("Authorization", "Bearer " + token("dinkes")).param("limit",
				"100"), 200);
		assertThat(inbox.get("items").valueStream().map(i -> i.get("trackingCode").asString()).toList())
			.doesNotContain(report.code());
		act(report, "assign", "koordinator", Map.of("agency", "PUTR"));
		act(report, "dispose", "koordinator");
		assertThat(view(report, "putr").get("allowedActions").valueStream().map(JsonNode::asString).toList())
			.containsExactly("accept", "decline");
	}

	@Test
	void holdPausesTheClockAndResumeReturnsToTheHeldStatus() {
		Fixture report = reach(ReportStatus.VERIFIED);
		JsonNode held = act(report, "hold", "koordinator", Map.of("reason", "Mohon kirim foto lokasi"));
		assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
		assertThat(held.get("dueAt").isNull()).isTrue();
		JsonNode reporterTimeline = timeline(report, null);
		assertThat(reporterTimeline.get(reporterTimeline.size() - 1).get("note").asString())
			.isEqualTo("Mohon kirim foto lokasi");
		JsonNode resumed = act(report, "resume", null, Map.of("message", "Foto sudah saya kirim lewat e-mail"));
		assertThat(resumed.get("status").asString()).isEqualTo("VERIFIED");
		assertThat(resumed.get("dueAt").isNull()).isFalse();
	}

	@Test
	void archivingKeepsTheReportWithItsReason() {
		Fixture report = submit();
		call(actionRequest(report, "archive", "nasional", Map.of()), 400);
		JsonNode archived = act(report, "archive", "nasional", Map.of("reason", "Isi tidak dapat dipahami"));
		assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
		assertThat(archived.get("allowedActions").isEmpty()).isTrue();
		JsonNode timeline = timeline(report, null);
		assertThat(timeline.get(1).get("note").asString()).isEqualTo("Isi tidak dapat dipahami");
	}

	@Test
	void aReplyReopensTheConversationAtTheAgency() {
		Fixture report = reach(ReportStatus.ANSWERED);
		JsonNode replied = act(report, "reply", null, Map.of("message", "Masih berlubang di sisi kiri"));
		assertThat(replied.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(view(report, "dinkes").get("allowedActions").valueStream().map(JsonNode::asString).toList())
			.contains("answer");
	}

	@Test
	void closingNeedsARatingFromOneToFive() {
		Fixture report = reach(ReportStatus.ANSWERED);
		JsonNode missing = call(actionRequest(report, "close", null, Map.of()), 400);
		assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("rating");
		call(actionRequest(report, "close", null, Map.of("rating", 6)), 400);
		act(report, "close", null, Map.of("rating", 1));
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameReportOnce() {
		String key = "retry-" + System.nanoTime();
		Map<String, Object> body = reportBody(false, false);
		JsonNode first = call(createRequest(body).header("Idempotency-Key", key), 201);
		JsonNode again = call(createRequest(body).header("Idempotency-Key", key), 201);
		assertThat(again.get("trackingCode").asString()).isEqualTo(first.get("trackingCode").asString());
		assertThat(again.get("accessKey").asString()).isEqualTo(first.get("accessKey").asString());
		Integer rows = this.jdbc.sql("select count(*) from report where tracking_code = ?")
			.param(first.get("trackingCode").asString().replace("-", ""))
			.query(Integer.class)
			.single();
		assertThat(rows).isEqualTo(1);
		// the store gives neither the client's key nor the report's access key away
		String accessKey = first.get("accessKey").asString();
		assertThat(this.jdbc.sql("select count(*) from idempotency_key where idempotency_key = ? or access_key like ?")
			.params(key, "%" + accessKey + "%")
			.query(Integer.class)
			.single()).isZero();
		body.put("title", "Another report entirely");
		JsonNode reused = call(createRequest(body).header("Idempotency-Key", key), 409);
		assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
	}

	@Test
	void concurrentRetriesWithOneKeyStoreOneReport() throws Exception {
		String key = "parallel-" + System.nanoTime();
		List<JsonNode> answers = inParallel(8, () -> call(createRequest(reportBody(false, false))
			.header("Idempotency-Key", key), 201));
		assertThat(answers.stream().map(a -> a.get("trackingCode").asString()).distinct()).hasSize(1);
		Integer rows = this.jdbc.sql("select count(*) from report where tracking_code = ?")
			.param(answers.get(0).get("trackingCode").asString().replace("-", ""))
			.query(Integer.class)
			.single();
		assertThat(rows).isEqualTo(1);
	}

	@Test
	void ofTwoOfficersActingAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
		Fixture report = reach(ReportStatus.RECEIVED);
		List<Integer> statuses = inParallel(2, () -> status(actionRequest(report, "verify", "koordinator",
				fullActionBody())));
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		long verifications = timeline(report, "koordinator").valueStream()
			.filter(e -> e.get("action").asString().equals("verify"))
			.count();
		assertThat(verifications).isEqualTo(1);
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteATimelineEntry() {
		Fixture report = submit();
		String code = report.code().replace("-", "");
		assertThatThrownBy(() -> this.jdbc.sql("""
				update timeline_entry set note = 'rewritten'
				where report_id = (select id from report where tracking_code = ?)""").param(code).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("""
				delete from timeline_entry where report_id = (select id from report where tracking_code = ?)""")
			.param(code)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
	}

	@Test
	void theInboxShowsWhatWaitsForTheCallerMostUrgentFirstPageByPage() {
		// three reports received at different times in the other jurisdiction: verification clocks differ
		List<Fixture> reports = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Fixture report = submit();
			act(report, "forward", "nasional", Map.of("jurisdiction", OTHER_JURISDICTION));
			reports.add(report);
		}
		for (int i = 2; i >= 0; i--) {
			act(reports.get(i), "receive", "koordinator-lain");
			this.clock.advance(Duration.ofMinutes(1));
		}
		JsonNode first = call(get("/api/v1/inbox").param("limit", "2").param("status", "RECEIVED")
			.header("Authorization", "Bearer " + token("koordinator-lain")), 200);
		List<String> codes = new ArrayList<>(
				first.get("items").valueStream().map(i -> i.get("trackingCode").asString()).toList());
		assertThat(first.get("nextCursor").isNull()).isFalse();
		JsonNode rest = call(get("/api/v1/inbox").param("limit", "2").param("status", "RECEIVED")
			.param("cursor", first.get("nextCursor").asString())
			.header("Authorization", "Bearer " + token("koordinator-lain")), 200);
		rest.get("items").valueStream().map(i -> i.get("trackingCode").asString()).forEach(codes::add);
		assertThat(rest.get("nextCursor").isNull()).isTrue();
		List<String> received = reports.stream().map(Fixture::code).toList();
		assertThat(codes.stream().filter(received::contains).toList()).containsExactly(received.get(2),
				received.get(1), received.get(0));
		JsonNode jambi = call(get("/api/v1/inbox").param("limit", "100")
			.header("Authorization", "Bearer " + token("koordinator")), 200);
		assertThat(jambi.get("items").valueStream().map(i -> i.get("trackingCode").asString()).toList())
			.doesNotContainAnyElementsOf(received);
	}

	@Test
	void theNationalInboxHoldsWhatAwaitsForwarding() {
		Fixture report = submit();
		String after = null;
		List<String> codes = new ArrayList<>();
		do {
			var request = get("/api/v1/inbox").param("limit", "100").header("Authorization",
					"Bearer " + token("nasional"));
			if (after != null) {
				request.param("cursor", after);
			}
			JsonNode page = call(request, 200);
			page.get("items").valueStream().forEach(i -> {
				codes.add(i.get("trackingCode").asString());
				assertThat(i.get("status").asString()).isIn("SUBMITTED", "RETURNED", "RETURN_RECEIVED");
			});
			after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (after != null);
		assertThat(codes).contains(report.code());
	}

	@Test
	void aReporterWithAnAccountSeesAndClosesTheirOwnReport() {
		JsonNode created = call(createRequest(Map.of("type", "ASPIRATION", "title", "Tambah trayek bus",
				"description", "Mohon trayek bus Trans Siginjai ke Muaro Jambi."))
			.header("Authorization", "Bearer " + token("warga")), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		JsonNode own = view(report, "warga");
		assertThat(own.get("reporter").get("hasAccount").asBoolean()).isTrue();
		call(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token("warga2")), 404);
		call(get("/api/v1/reports/{code}", report.code()).contentType(MediaType.APPLICATION_JSON), 401);
	}

	private <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
