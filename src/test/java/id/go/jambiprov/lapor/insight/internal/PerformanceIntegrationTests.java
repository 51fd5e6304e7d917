package id.go.jambiprov.lapor.insight.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The monthly performance report against a hand-built August 2026 in a jurisdiction of its own:
 * two agencies, four reports, a holiday (17 August) that makes one answer on time, a disposition
 * left unaccepted over the month end, two ratings. Every figure is worked out by hand below.
 */
class PerformanceIntegrationTests extends ApiTestSupport {

	private static final String JURISDICTION = "UJIKINERJA";

	@Autowired
	UserAdministration users;

	@BeforeEach
	void accounts() {
		this.users.createIfAbsent(new NewUser("koordinator-kinerja", "rahasia123", "Koordinator kinerja",
				Role.COORDINATOR, JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("pengawas-kinerja", "rahasia123", "Pengawas kinerja", Role.SUPERVISOR,
				JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("penghubung-kinerja-a", "rahasia123", "Penghubung A", Role.LIAISON,
				JURISDICTION, "KINERJA_A"));
		this.users.createIfAbsent(new NewUser("penghubung-kinerja-b", "rahasia123", "Penghubung B", Role.LIAISON,
				JURISDICTION, "KINERJA_B"));
	}

	@AfterEach
	void backToMonday() {
		this.clock.set(TestClockConfiguration.MONDAY_MORNING);
	}

	/** Jakarta wall time (UTC+7). */
	private static Instant wib(String dateTime) {
		return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.ofHours(7));
	}

	/** Filed, forwarded, received, verified, assigned and dispositioned at the given time, in minutes. */
	private Fixture disposed(String at, String agency) {
		this.clock.set(wib(at));
		Map<String, Object> body = reportBody(false, false);
		body.put("occurredOn", at.substring(0, 10));
		JsonNode created = call(createRequest(body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", JURISDICTION));
		act(report, "receive", "koordinator-kinerja");
		act(report, "verify", "koordinator-kinerja");
		act(report, "assign", "koordinator-kinerja", Map.of("agency", agency));
		act(report, "dispose", "koordinator-kinerja");
		return report;
	}

	private void answered(Fixture report, String liaison, String acceptedAt, String answeredAt) {
		this.clock.set(wib(acceptedAt));
		act(report, "accept", liaison);
		this.clock.set(wib(answeredAt));
		act(report, "answer", liaison, Map.of("answer", "Sudah kami tindak lanjuti di lapangan."));
	}

	/** The history is built once: the tests share one database. */
	private static Fixture forgotten;

	private void history() {
		if (forgotten != null) {
			return;
		}
		// KINERJA_A: answered on the due day only because 17 August is a holiday (due Mon 24 Aug 09:30)
		Fixture onTime = disposed("2026-08-14T09:30:00", "KINERJA_A");
		answered(onTime, "penghubung-kinerja-a", "2026-08-14T09:32:00", "2026-08-24T09:00:00");
		this.clock.set(wib("2026-08-24T10:00:00"));
		act(onTime, "close", null, Map.of("rating", 4));
		// KINERJA_A: due Mon 10 Aug 09:30, answered Tue 11 Aug: late
		Fixture late = disposed("2026-08-03T09:30:00", "KINERJA_A");
		answered(late, "penghubung-kinerja-a", "2026-08-03T09:33:00", "2026-08-11T09:00:00");
		this.clock.set(wib("2026-08-11T10:00:00"));
		act(late, "close", null, Map.of("rating", 2));
		// KINERJA_B: answered the next day, on time
		Fixture quick = disposed("2026-08-26T09:00:00", "KINERJA_B");
		answered(quick, "penghubung-kinerja-b", "2026-08-26T09:02:00", "2026-08-27T10:00:00");
		// KINERJA_B: dispositioned on 20 August, not accepted before the month ended (5 minutes allowed)
		forgotten = disposed("2026-08-20T09:00:00", "KINERJA_B");
		this.clock.set(wib("2026-09-01T10:00:00"));
		awaitListeners("SlaFigureRollup");
		awaitListeners("MonthlyRollup"); // the ratings
	}

	private JsonNode august(String username) {
		return call(get("/api/v1/performance").param("month", "2026-08")
			.header("Authorization", "Bearer " + token(username)), 200);
	}

	private static JsonNode agency(JsonNode performance, String code) {
		return performance.get("agencies").valueStream()
			.filter(a -> a.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void everyFigureOfAHandBuiltMonth() {
		history();
		this.clock.set(wib("2026-09-01T10:00:00"));
		JsonNode august = august("koordinator-kinerja");
		assertThat(august.get("month").asString()).isEqualTo("2026-08");
		assertThat(august.get("jurisdiction").asString()).isEqualTo(JURISDICTION);

		JsonNode total = august.get("total");
		assertThat(total.get("received").asLong()).isEqualTo(4); // forwarded to the jurisdiction
		assertThat(total.get("answered").asLong()).isEqualTo(3);
		assertThat(total.get("answeredOnTime").asLong()).isEqualTo(2);
		assertThat(total.get("answeredOnTimeShare").asDouble()).isEqualTo(2.0 / 3);
		assertThat(total.get("closed").asLong()).isEqualTo(2);
		assertThat(total.get("closedShare").asDouble()).isEqualTo(0.5);
		assertThat(total.get("closedBySystem").asLong()).isZero();
		assertThat(total.get("overdueAtMonthEnd").asLong()).isEqualTo(1);
		assertThat(total.get("rated").asLong()).isEqualTo(2);
		assertThat(total.get("ratingAverage").asDouble()).isEqualTo(3.0);
		// the decree's steps of the month: four receptions, four verifications, ... three acceptances in time
		JsonNode accept = total.get("steps").valueStream()
			.filter(s -> s.get("waitingIn").asString().equals("DISPOSED"))
			.findFirst()
			.orElseThrow();
		assertThat(accept.get("count").asLong()).isEqualTo(3);
		assertThat(accept.get("onTimeShare").asDouble()).isEqualTo(1.0);

		// ranked by the share answered on time
		JsonNode b = agency(august, "KINERJA_B");
		JsonNode a = agency(august, "KINERJA_A");
		assertThat(b.get("rank").asInt()).isEqualTo(1);
		assertThat(a.get("rank").asInt()).isEqualTo(2);
		assertThat(a.get("name").asString()).isEqualTo("Dinas Kinerja Satu");
		assertThat(a.get("received").asLong()).isEqualTo(2);
		assertThat(a.get("answered").asLong()).isEqualTo(2);
		assertThat(a.get("answeredOnTime").asLong()).isEqualTo(1);
		assertThat(a.get("answeredOnTimeShare").asDouble()).isEqualTo(0.5);
		assertThat(a.get("closed").asLong()).isEqualTo(2);
		assertThat(a.get("closedShare").asDouble()).isEqualTo(1.0);
		assertThat(a.get("overdueAtMonthEnd").asLong()).isZero();
		assertThat(a.get("ratingAverage").asDouble()).isEqualTo(3.0);
		assertThat(a.get("ratings").get(1).asLong()).isEqualTo(1); // one 2
		assertThat(a.get("ratings").get(3).asLong()).isEqualTo(1); // one 4
		assertThat(a.get("change").get("received").asLong()).isEqualTo(2); // nothing in July
		JsonNode answer = a.get("steps").valueStream()
			.filter(s -> s.get("waitingIn").asString().equals("IN_PROGRESS"))
			.findFirst()
			.orElseThrow();
		assertThat(answer.get("count").asLong()).isEqualTo(2);
		// the step's own 5 working days run from the acceptance: 24 Aug 09:32 (the holiday skipped), met;
		// 10 Aug 09:33, missed
		assertThat(answer.get("onTimeShare").asDouble()).isEqualTo(0.5);
		assertThat(b.get("received").asLong()).isEqualTo(2);
		assertThat(b.get("answered").asLong()).isEqualTo(1);
		assertThat(b.get("answeredOnTimeShare").asDouble()).isEqualTo(1.0);
		assertThat(b.get("closed").asLong()).isZero();
		assertThat(b.get("overdueAtMonthEnd").asLong()).isEqualTo(1); // still open
		assertThat(b.get("ratingAverage").isNull()).isTrue();

		// accepted in September: August still counts it once, as a step that ended after the month
		act(forgotten, "accept", "penghubung-kinerja-b");
		awaitListeners("SlaFigureRollup");
		assertThat(agency(august("koordinator-kinerja"), "KINERJA_B").get("overdueAtMonthEnd").asLong()).isEqualTo(1);
		assertThat(august("koordinator-kinerja").get("total").get("overdueAtMonthEnd").asLong()).isEqualTo(1);

		// September against August
		JsonNode september = call(get("/api/v1/performance").param("month", "2026-09")
			.header("Authorization", "Bearer " + token("pengawas-kinerja")), 200);
		assertThat(agency(september, "KINERJA_A").get("change").get("received").asLong()).isEqualTo(-2);
		assertThat(september.get("total").get("overdueAtMonthEnd").asLong()).isZero();
	}

	@Test
	void scopedToTheCaller() {
		this.clock.set(wib("2026-09-01T10:00:00"));
		assertThat(status(get("/api/v1/performance").param("month", "2026-08")
			.header("Authorization", "Bearer " + token("penghubung-kinerja-a")))).isEqualTo(403);
		assertThat(status(get("/api/v1/performance").param("month", "2026-08"))).isEqualTo(401);
		// another jurisdiction's coordinator sees none of these agencies
		JsonNode other = call(get("/api/v1/performance").param("month", "2026-08")
			.header("Authorization", "Bearer " + token("koordinator-lain")), 200);
		assertThat(other.get("agencies").valueStream().map(a -> a.get("code").asString()))
			.doesNotContain("KINERJA_A", "KINERJA_B");
		// the national admin picks one
		JsonNode national = call(get("/api/v1/performance").param("month", "2026-08").param("jurisdiction", JURISDICTION)
			.header("Authorization", "Bearer " + token("nasional")), 200);
		assertThat(national.get("agencies").valueStream().map(a -> a.get("code").asString()))
			.containsExactlyInAnyOrder("KINERJA_A", "KINERJA_B");
		assertThat(status(get("/api/v1/performance").param("month", "2026-13")
			.header("Authorization", "Bearer " + token("nasional")))).isEqualTo(400);
		assertThat(status(get("/api/v1/performance").param("month", "2026-08").param("format", "docx")
			.header("Authorization", "Bearer " + token("nasional")))).isEqualTo(400);
	}

	private byte[] download(String format) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/v1/performance").param("month", "2026-08").param("format", format)
			.header("Authorization", "Bearer " + token("koordinator-kinerja"))).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.asyncDispatch(result)).andReturn();
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("kinerja-2026-08-ujikinerja." + format);
		return result.getResponse().getContentAsByteArray();
	}

	@Test
	void theDocumentsCarryTheSameFigures() throws Exception {
		history();
		this.clock.set(wib("2026-09-01T10:00:00"));
		// the PDF: letterhead, title with the month in Indonesian, the ranked table, page numbers
		byte[] bytes = download("pdf");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "kinerja-2026-08.pdf"), bytes);
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("PEMERINTAH PROVINSI JAMBI", "Laporan Kinerja Pengelolaan Pengaduan Agustus 2026",
					"Dinas Kinerja Dua", "Dinas Kinerja Satu", "50,0%", "100,0%", "1 / " + pdf.getNumberOfPages());
			assertThat(text.indexOf("Dinas Kinerja Dua")).isLessThan(text.indexOf("Dinas Kinerja Satu"));
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(842, org.assertj.core.data.Offset.offset(2f));
		}
		// XLSX: three sheets, real numbers, read back with the same library
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download("xlsx")))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("Ringkasan", "Perangkat Daerah", "Penilaian");
			List<Row> rows = sheets.get(1).read();
			assertThat(rows.get(0).getCellText(2)).isEqualTo("Perangkat Daerah");
			assertThat(rows.get(1).getCellAsNumber(3)).hasValue(new java.math.BigDecimal(4)); // the total received
			Row first = rows.get(2);
			assertThat(first.getCellText(1)).isEqualTo("KINERJA_B");
			assertThat(first.getCellAsNumber(6).orElseThrow().doubleValue()).isEqualTo(100.0);
			Row second = rows.get(3);
			assertThat(second.getCellAsNumber(6).orElseThrow().doubleValue()).isEqualTo(50.0);
		}
		// CSV: UTF-8 with a byte-order mark, the header, the total, the agencies in rank order
		String csv = new String(download("csv"), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFPeringkat,Kode,Perangkat Daerah,Laporan diterima");
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(1)).startsWith(",UJIKINERJA,Provinsi Uji Kinerja,4,3,2,66.7,2,50.0,0,");
		assertThat(lines.get(2)).startsWith("1,KINERJA_B,Dinas Kinerja Dua,2,1,1,100.0,0,0.0,0,");
		assertThat(lines.get(3)).startsWith("2,KINERJA_A,Dinas Kinerja Satu,2,2,1,50.0,2,100.0,0,");
	}

}
