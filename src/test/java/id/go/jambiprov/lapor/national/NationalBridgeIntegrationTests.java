package id.go.jambiprov.lapor.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.go.jambiprov.lapor.national.internal.NationalOutbox;
import id.go.jambiprov.lapor.national.internal.NationalPull;
import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.FakeNational;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The bridge to SP4N-LAPOR! against a national server on a local port: our reports go there
 * once, through an outage and a lost answer; their steps follow in order, once each; a report
 * the national admin forwarded arrives as FORWARDED with step 3 running from the national
 * forwarding time, walks to its answer, and the answer goes back; a reply written there reaches
 * the agency once.
 */
class NationalBridgeIntegrationTests extends ApiTestSupport {

	static final FakeNational national = new FakeNational();

	@DynamicPropertySource
	static void nationalServer(DynamicPropertyRegistry registry) {
		registry.add("lapor.national.url", national::url);
		registry.add("lapor.national.token", () -> FakeNational.TOKEN);
		registry.add("lapor.national.timeout", () -> "PT2S");
	}

	@AfterAll
	static void stop() {
		national.close();
	}

	/** The cursors are the national server's: another test's simulated server left its own. */
	@BeforeEach
	void freshCursors() {
		this.jdbc.sql("delete from national_cursor").update();
	}

	@Autowired
	NationalOutbox outbox;

	@Autowired
	NationalPull pull;

	private String pending(String code) {
		return this.jdbc.sql("select count(*) from national_call where tracking_code = ? and status = 'PENDING'")
			.param(code.replace("-", ""))
			.query(Long.class)
			.single()
			.toString();
	}

	/** Lets every call that is due go out, after the backoff of any failed try. */
	private void sendAfterBackoff() {
		this.clock.advance(Duration.ofHours(2));
		this.outbox.sendDue();
	}

	@Test
	void ourReportReachesTheNationalSystemOnceThroughAnOutageAndALostAnswerAndItsStepsFollowInOrder() {
		national.mode(FakeNational.Mode.DOWN);
		Fixture report = submit();
		awaitListeners("NationalListeners");
		this.outbox.sendDue();
		assertThat(pending(report.code())).isEqualTo("1");
		assertThat(viewAsReporter(report).get("nationalTrackingId").isNull()).isTrue();

		// local work never waits for the national system
		act(report, "forward", "nasional");
		act(report, "receive", "koordinator");
		awaitListeners("NationalListeners");
		assertThat(pending(report.code())).isEqualTo("3");

		// the national server takes the filing but its answer is lost: tried again, filed once
		national.mode(FakeNational.Mode.LOSE_ANSWER);
		sendAfterBackoff();
		national.mode(FakeNational.Mode.UP);
		sendAfterBackoff();
		assertThat(pending(report.code())).isEqualTo("0");
		String nationalId = national.reports().get(report.code());
		assertThat(nationalId).isNotNull();
		assertThat(national.calls()
			.stream()
			.filter(c -> c.path().equals("/api/v1/laporan") && report.code().equals(c.idempotencyKey()))
			.count()).isGreaterThanOrEqualTo(2);
		assertThat(national.reports()).hasSize((int) national.reports().keySet().stream().distinct().count());
		assertThat(view(report, "koordinator").get("nationalTrackingId").asString()).isEqualTo(nationalId);
		assertThat(viewAsReporter(report).get("nationalTrackingId").asString()).isEqualTo(nationalId);

		List<String> statuses = national.steps(nationalId).stream().map(s -> s.path("status").asString()).toList();
		assertThat(statuses).containsExactly("terdisposisi", "terdisposisi");
		// sending again sends nothing again
		sendAfterBackoff();
		assertThat(national.steps(nationalId)).hasSize(2);
		assertThat(national.calls().stream().allMatch(c -> FakeNational.TOKEN.equals(c.token()))).isTrue();
		String filing = national.calls()
			.stream()
			.filter(c -> c.path().equals("/api/v1/laporan") && report.code().equals(c.idempotencyKey()))
			.findFirst()
			.orElseThrow()
			.body();
		JsonNode sent = this.json.readTree(filing);
		assertThat(sent.path("kode_lokal").asString()).isEqualTo(report.code());
		assertThat(sent.path("kategori").asString()).isEqualTo("infrastruktur-jalan");
		assertThat(sent.path("jenis").asString()).isEqualTo("pengaduan");
		assertThat(sent.path("anonim").asBoolean()).isFalse();
		assertThat(sent.path("pelapor").path("email").asString()).isEqualTo("budi@example.com");
		assertThat(sent.path("pelapor").has("nik")).isFalse();
	}

	@Test
	void aReportForwardedNationallyWalksToItsAnswerAndTheAnswerGoesBack() {
		Instant forwardedAt = this.clock.instant().minus(Duration.ofHours(3));
		String nationalId = "LAPOR-NAS-" + System.nanoTime();
		national.forward("""
				{"id":"%s","transaksi":"TRX-1","judul":"Puskesmas tutup di jam layanan","isi":"Puskesmas Simpang Kawat tutup pukul 10 pagi pada hari kerja.","kategori":"kesehatan","anonim":true,"rahasia":false,
				 "lokasi":{"alamat":"Jl. Simpang Kawat","lat":-1.6,"lng":103.6},
				 "pelapor":{"nama":"Wati","email":"wati@example.id","telepon":"0812-5555-6666"},
				 "dibuat":"%s","didisposisikan":"%s"}""".formatted(nationalId, forwardedAt.minus(Duration.ofDays(1)),
				forwardedAt));
		this.pull.pullForwarded();
		this.pull.pullForwarded();
		String code = this.jdbc.sql("select tracking_code from report where national_tracking_id = ?")
			.param(nationalId)
			.query(String.class)
			.single();
		Fixture report = new Fixture(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8), null);
		JsonNode seen = view(report, "koordinator");
		assertThat(seen.get("status").asString()).isEqualTo("FORWARDED");
		assertThat(seen.get("channel").asString()).isEqualTo("NATIONAL");
		assertThat(seen.get("category").asString()).isEqualTo("KESEHATAN");
		assertThat(seen.get("anonymous").asBoolean()).isTrue();
		assertThat(seen.get("nationalTrackingId").asString()).isEqualTo(nationalId);
		JsonNode entries = timeline(report, "koordinator");
		JsonNode forward = entries.get(1);
		assertThat(forward.get("action").asString()).isEqualTo("forward");
		assertThat(OffsetDateTime.parse(forward.get("at").asString()).toInstant()).isEqualTo(forwardedAt);
		// step 3 (1 working day) runs from the national forwarding, not from the pull
		JsonNode due = call(get("/api/v1/calendar/due").param("from", forwardedAt.toString())
			.param("amount", "1")
			.param("unit", "WORKING_DAYS"), 200);
		assertThat(OffsetDateTime.parse(seen.get("dueAt").asString()).toInstant())
			.isEqualTo(OffsetDateTime.parse(due.get("dueAt").asString()).toInstant());
		JsonNode submit = entries.get(0);
		assertThat(submit.get("action").asString()).isEqualTo("submit");
		// the liaison never sees the anonymous reporter
		assertThat(view(report, "koordinator").get("reporter").get("name").asString()).isEqualTo("Wati");

		for (String[] step : new String[][] { { "receive", "koordinator" }, { "verify", "koordinator" },
				{ "assign", "koordinator" }, { "dispose", "koordinator" }, { "accept", "dinkes" },
				{ "answer", "dinkes" } }) {
			act(report, step[0], step[1]);
		}
		assertThat(view(report, "dinkes").get("reporter").isNull()).isTrue();
		awaitListeners("NationalListeners");
		sendAfterBackoff();
		List<JsonNode> steps = national.steps(nationalId);
		assertThat(steps.stream().map(s -> s.path("status").asString()).toList()).containsExactly("terdisposisi",
				"terverifikasi", "diproses", "diproses", "diproses", "ditanggapi");
		assertThat(steps.get(5).path("catatan").asString()).isEqualTo("Jalan sudah ditambal pada 25 November.");
		assertThat(steps.get(2).path("catatan").isNull()).isTrue();
		// the national system tells its own reporter: nothing goes to them from here
		assertThat(this.jdbc.sql("select count(*) from outbound_message where report_code = ?")
			.param(report.code())
			.query(Long.class)
			.single()).isZero();

		// the reporter replies on the national system: back to the agency, once
		national.reply("""
				{"id":"BALAS-%s","laporan":"%s","isi":"Masih tutup pagi ini.","waktu":"%s"}"""
			.formatted(nationalId, nationalId, this.clock.instant()));
		this.pull.pullReplies();
		this.jdbc.sql("delete from national_cursor where name = 'replies'").update();
		this.pull.pullReplies();
		assertThat(view(report, "koordinator").get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(timeline(report, "koordinator").findValues("action").stream()
			.filter(a -> a.asString().equals("reply"))
			.count()).isEqualTo(1);
	}

	@Test
	void theBacklogAndItsAgeAreOnTheHealthCheck() throws Exception {
		national.mode(FakeNational.Mode.DOWN);
		Fixture report = submit();
		awaitListeners("NationalListeners");
		this.outbox.sendDue();
		this.clock.advance(Duration.ofHours(1));
		JsonNode health = this.json.readTree(this.mvc.perform(get("/actuator/health/national"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(health.get("status").asString()).isEqualTo("WARNING");
		assertThat(health.at("/components/nationalBridge/details/waiting").asLong()).isPositive();
		assertThat(health.at("/components/nationalBridge/details/oldestWaitingSeconds").asLong()).isGreaterThanOrEqualTo(3600);
		national.mode(FakeNational.Mode.UP);
		sendAfterBackoff();
		assertThat(pending(report.code())).isEqualTo("0");
		assertThat(status(get("/actuator/health/national"))).isEqualTo(200);
	}

}
