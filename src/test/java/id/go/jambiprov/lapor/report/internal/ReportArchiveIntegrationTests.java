package id.go.jambiprov.lapor.report.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.ImageBombs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Closed reports go to the provincial archive as one ZIP per month (a PDF with the public
 * timeline, JSON, files), never with a protected reporter; only then may a reporter's contact
 * details be erased on request, and the report and its figures stay.
 */
class ReportArchiveIntegrationTests extends ApiTestSupport {

	private static final String JURISDICTION = "UJIARSIP";

	@Autowired
	UserAdministration users;

	@Autowired
	ReportService service;

	private static Map<String, Fixture> reports;

	@BeforeEach
	void reports() {
		this.users.createIfAbsent(new NewUser("koordinator-arsip", "rahasia123", "Koordinator arsip", Role.COORDINATOR,
				JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("penghubung-arsip", "rahasia123", "Penghubung arsip", Role.LIAISON,
				JURISDICTION, "ARSIP_DINAS"));
		if (reports != null) {
			return;
		}
		// a month of their own: the test moves the clock to a month no other test files in
		this.clock.set(Instant.parse("2026-06-02T01:00:00Z"));
		Map<String, Fixture> filed = new HashMap<>();
		reports = filed;
		reports.put("open", file("Jalan berlubang di Telanaipura", "Terbuka Tono", false, true));
		reports.put("anonymous", file("Pungutan di loket", "Anonim Ani", true, false));
		reports.put("still-open", file("Lampu jalan mati", "Belum Selesai", false, false));
		for (String closed : List.of("open", "anonymous")) {
			Fixture report = reports.get(closed);
			act(report, "receive", "koordinator-arsip");
			act(report, "verify", "koordinator-arsip");
			act(report, "assign", "koordinator-arsip", Map.of("agency", "ARSIP_DINAS"));
			act(report, "dispose", "koordinator-arsip");
			act(report, "accept", "penghubung-arsip");
			act(report, "answer", "penghubung-arsip", Map.of("answer", "Sudah kami perbaiki pada 3 Juni."));
			call(post("/api/v1/reports/" + report.code() + "/actions/close").contentType(MediaType.APPLICATION_JSON)
				.header("X-Access-Key", report.accessKey())
				.content("{\"rating\":5,\"comment\":\"Terima kasih\"}"), 200);
		}
	}

	private Fixture file(String title, String name, boolean anonymous, boolean withPhoto) {
		Map<String, Object> body = reportBody(anonymous, false);
		body.put("title", title);
		body.put("occurredOn", "2026-05-29");
		body.put("reporter", Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com",
				"phone", "0812-5555-0000"));
		ReportViews.Created created = this.service.create(this.json.convertValue(body, CreateReport.class),
				Optional.empty(), null,
				withPhoto ? List.of(new Upload("foto_jalan.png", "image/png", ImageBombs.png(40, 30, 30))) : List.of());
		Fixture report = new Fixture(created.trackingCode(), created.accessKey());
		act(report, "forward", "nasional", Map.of("jurisdiction", JURISDICTION));
		return report;
	}

	private MvcResult download(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).header("Authorization", "Bearer " + token("koordinator-arsip")))
			.andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		return result;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	@Test
	void aMonthGoesToTheArchiveAfterTwoYearsAndThenContactsMayBeErased() throws Exception {
		Fixture open = reports.get("open");
		Fixture anonymous = reports.get("anonymous");
		String erasure = "/api/v1/reports/" + open.code() + "/erasure";
		String reason = "{\"reason\":\"Surat permintaan pelapor 12/2028\"}";

		// a year later nothing is ready yet, and no erasure before the archive
		this.clock.set(Instant.parse("2027-06-02T01:00:00Z"));
		JsonNode months = call(get("/api/v1/archive").header("Authorization", "Bearer " + token("koordinator-arsip")),
				200);
		assertThat(months.get("months")).isEmpty();
		JsonNode refused = call(post(erasure).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("koordinator-arsip"))
			.content(reason), 409);
		assertThat(refused.get("type").asString()).endsWith("/not-archived");

		// two years after closing: June 2026 is ready, with the two closed reports
		this.clock.set(Instant.parse("2028-06-05T01:00:00Z"));
		months = call(get("/api/v1/archive").header("Authorization", "Bearer " + token("koordinator-arsip")), 200);
		assertThat(months.get("months").get(0).get("month").asString()).isEqualTo("2026-06");
		assertThat(months.get("months").get(0).get("eligible").asInt()).isEqualTo(2);
		assertThat(months.get("months").get(0).get("packaged").asInt()).isZero();

		MvcResult zip = download("/api/v1/archive/2026-06");
		assertThat(zip.getResponse().getStatus()).isEqualTo(200);
		assertThat(zip.getResponse().getHeader("Content-Disposition")).contains("arsip-laporan-ujiarsip-2026-06.zip");
		Map<String, byte[]> entries = unzip(zip.getResponse().getContentAsByteArray());
		String folder = "arsip-laporan-ujiarsip-2026-06/";
		assertThat(entries).containsKeys(folder + "daftar.csv", folder + open.code() + "/laporan.pdf",
				folder + open.code() + "/laporan.json", folder + anonymous.code() + "/laporan.pdf");
		assertThat(entries.keySet()).noneMatch(name -> name.contains(reports.get("still-open").code()));
		assertThat(entries.keySet()).anyMatch(name -> name.startsWith(folder + open.code() + "/berkas/"));
		assertThat(entries.keySet()).noneMatch(name -> name.contains("foto_jalan"));

		// kept beside the screenshots, to look at
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/71-archive-report.pdf"),
				entries.get(folder + open.code() + "/laporan.pdf"));
		String openPdf = text(entries.get(folder + open.code() + "/laporan.pdf"));
		assertThat(openPdf).contains(open.code(), "Jalan berlubang di Telanaipura", "Terbuka Tono",
				"Sudah kami perbaiki pada 3 Juni.", "Didisposisikan ke Pejabat Penghubung", "Pejabat Penghubung");
		// the public timeline: no officer named
		assertThat(openPdf).doesNotContain("koordinator-arsip").doesNotContain("penghubung-arsip");
		String anonymousPdf = text(entries.get(folder + anonymous.code() + "/laporan.pdf"));
		assertThat(anonymousPdf).contains("dilindungi").doesNotContain("Anonim Ani");
		String anonymousJson = new String(entries.get(folder + anonymous.code() + "/laporan.json"), StandardCharsets.UTF_8);
		assertThat(anonymousJson).contains(anonymous.code()).doesNotContain("Anonim Ani").doesNotContain("anonim.ani@");
		String list = new String(entries.get(folder + "daftar.csv"), StandardCharsets.UTF_8);
		assertThat(list.lines()).hasSize(3);

		// recorded; the months now say so
		months = call(get("/api/v1/archive").header("Authorization", "Bearer " + token("koordinator-arsip")), 200);
		assertThat(months.get("months").get(0).get("packaged").asInt()).isEqualTo(2);
		assertThat(months.get("packages").get(0).get("reports").asInt()).isEqualTo(2);
		assertThat(months.get("packages").get(0).get("sha256").asString()).hasSize(64);

		// erasure now: contacts gone, the report and its figures stay
		JsonNode erased = call(post(erasure).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("koordinator-arsip"))
			.content(reason), 200);
		assertThat(erased.get("trackingCode").asString()).isEqualTo(open.code());
		JsonNode view = view(open, "koordinator-arsip");
		assertThat(view.get("status").asString()).isEqualTo("CLOSED");
		assertThat(view.get("rating").asInt()).isEqualTo(5);
		JsonNode reporter = view.get("reporter");
		assertThat(reporter == null || reporter.isNull() || reporter.get("name").isNull()).isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from report where tracking_code = ? and reporter_name is null and reporter_email is null
				  and reporter_phone is null""").param(open.code().replace("-", "")).query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("select reason from reporter_erasure e join report r on r.id = e.report_id where r.tracking_code = ?")
			.param(open.code().replace("-", ""))
			.query(String.class)
			.single()).isEqualTo("Surat permintaan pelapor 12/2028");
		// asking again answers the first erasure
		assertThat(call(post(erasure).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("koordinator-arsip"))
			.content(reason), 200).get("erasedAt").asString()).isEqualTo(erased.get("erasedAt").asString());
	}

	@Test
	void onlyTheCoordinatorAndTheNationalAdminMakePackages() {
		this.clock.set(Instant.parse("2028-06-05T01:00:00Z").plus(Duration.ofDays(1)));
		assertThat(status(get("/api/v1/archive").header("Authorization", "Bearer " + token("penghubung-arsip"))))
			.isEqualTo(403);
		assertThat(status(post("/api/v1/reports/" + reports.get("open").code() + "/erasure")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("penghubung-arsip"))
			.content("{\"reason\":\"x\"}"))).isEqualTo(403);
		// a coordinator of another jurisdiction does not find the report
		assertThat(status(post("/api/v1/reports/" + reports.get("open").code() + "/erasure")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token("koordinator-lain"))
			.content("{\"reason\":\"x\"}"))).isEqualTo(404);
		assertThat(status(get("/api/v1/archive/2026-13").header("Authorization", "Bearer " + token("koordinator-arsip"))))
			.isEqualTo(400);
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
