package id.go.jambiprov.lapor.report;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.ImageBombs;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The citizen's first pages, rendered on the server in Indonesian (English on request).
 */
class PagesIntegrationTests extends ApiTestSupport {

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("text/html");
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theHomePageExplainsTheServiceAndTheStepsWithTheirTimeLimits() throws Exception {
		String home = page(get("/"));
		assertThat(home).contains("<html lang=\"id\"", "Sampaikan pengaduan", "Lacak laporan",
				"Admin Nasional meneruskan laporan", "3 hari kerja", "10 menit", "Pejabat Penghubung menerima dan menjawab");
		String english = page(get("/").header("Accept-Language", "en"));
		assertThat(english).contains("<html lang=\"en\"", "Send your complaints", "3 working days", "1 working day<");
	}

	@Test
	void theLanguageChosenOnAPageIsKeptInACookie() throws Exception {
		MvcResult chosen = this.mvc.perform(get("/").param("lang", "en").header("Accept-Language", "id")).andReturn();
		assertThat(chosen.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Send your complaints",
				"Bahasa Indonesia");
		jakarta.servlet.http.Cookie cookie = chosen.getResponse().getCookie("lapor-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("en");
		assertThat(page(get("/lacak").cookie(cookie).header("Accept-Language", "id"))).contains("Track a report");
		assertThat(page(get("/").param("lang", "fr"))).contains("Sampaikan pengaduan");
	}

	@Test
	void aReportIsTrackedByItsCodeWithoutContentOrIdentity() throws Exception {
		Fixture report = reach(ReportStatus.DISPOSED);
		String tracked = page(get("/lacak").param("kode", report.code()));
		assertThat(tracked).contains("Laporan " + report.code(), "didisposisikan ke Pejabat Penghubung",
				"Diteruskan ke Admin Koordinator", "Langkah saat ini paling lambat");
		assertThat(tracked).doesNotContain("Budi", "Jalan berlubang", "DINKES", "koordinator");
	}

	@Test
	void anUnknownOrConfidentialCodeSaysSoNextToTheField() throws Exception {
		assertThat(page(get("/lacak").param("kode", "1234-5678-9012"))).contains("tidak ditemukan",
				"aria-invalid=\"true\"");
		Fixture secret = submit(false, true);
		assertThat(page(get("/lacak").param("kode", secret.code()))).contains("tidak ditemukan");
		assertThat(page(get("/lacak"))).doesNotContain("tidak ditemukan");
	}

	@Test
	void anOfficersActionAndThePageAfterItReadTheReportOnceEach() throws Exception {
		Fixture report = reach(ReportStatus.FORWARDED);
		MvcResult login = this.mvc.perform(post("/masuk").with(csrf())
			.param("username", "koordinator")
			.param("password", "demo12345")).andReturn();
		Cookie session = login.getResponse().getCookie("SESSION");
		org.mockito.Mockito.clearInvocations(this.reportRepository);
		MvcResult acted = this.mvc
			.perform(post("/petugas/laporan/{code}/aksi/receive", report.code()).cookie(session).with(csrf()))
			.andReturn();
		assertThat(acted.getResponse().getRedirectedUrl()).isEqualTo("/petugas/laporan/" + report.code());
		assertThat(reportReads()).isEqualTo(1);
		String page = page(get(acted.getResponse().getRedirectedUrl()).cookie(session));
		assertThat(page).contains(report.code());
		// the page shows the report, its timeline and its files from one read
		assertThat(reportReads()).isEqualTo(2);
	}

	@Test
	void aPhotoDeclaringThirtyThousandPixelsSquareIsRefusedNextToTheField() throws Exception {
		String title = "Drainase tersumbat " + System.nanoTime();
		MvcResult refused = this.mvc.perform(multipart("/lapor")
			.file(new MockMultipartFile("files", "bom.png", "image/png", ImageBombs.png(30_000, 30_000, 64)))
			.with(csrf())
			.param("type", "COMPLAINT")
			.param("title", title)
			.param("description", "Air meluap ke jalan setiap hujan.")
			.param("email", "warga@example.id")
			.param("key", "bomb-" + System.nanoTime())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Foto &quot;bom.png&quot; terlalu besar (lebih dari 40 megapiksel)");
		assertThat(this.jdbc.sql("select count(*) from report where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void aFileKeepsItsNameFromTheAgencyOfAnAnonymousReporter() throws Exception {
		MvcResult filed = this.mvc.perform(multipart("/lapor")
			.file(new MockMultipartFile("files", "KTP_Budi_Santoso_081234567890.png", "image/png",
					ImageBombs.png(40, 30, 30)))
			.with(csrf())
			.param("type", "COMPLAINT")
			.param("title", "Pungutan di loket")
			.param("description", "Diminta uang tambahan saat mengurus surat.")
			.param("anonymous", "true")
			.param("phone", "081234567890")
			.param("key", "file-name-" + System.nanoTime())).andReturn();
		String receipt = this.mvc.perform(get(filed.getResponse().getRedirectedUrl())
			.cookie(filed.getResponse().getCookie("SESSION"))
			.flashAttrs(filed.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\d{4}-\\d{4}-\\d{4}").matcher(receipt);
		assertThat(code.find()).isTrue();
		Fixture report = new Fixture(code.group(), null);
		act(report, "forward", "nasional", java.util.Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		act(report, "assign", "koordinator", java.util.Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");

		String agency = officerPage("dinkes", report.code());
		assertThat(agency).contains("lampiran-1.png").doesNotContain("KTP_Budi", "081234567890");
		assertThat(officerPage("koordinator", report.code())).contains("lampiran-1.png", "KTP_Budi_Santoso_081234567890.png");
	}

	private String officerPage(String username, String code) throws Exception {
		Cookie session = this.mvc.perform(post("/masuk").with(csrf()).param("username", username)
			.param("password", "demo12345")).andReturn().getResponse().getCookie("SESSION");
		return page(get("/petugas/laporan/{code}", code).cookie(session));
	}

}
