package id.go.jambiprov.lapor.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Media;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officers' desk in Chromium: a letter filed with its scan and its receipt printed, internal
 * notes the reporter never reads, and a report recalled from the wrong agency.
 */
class DeskBrowserTests extends BrowserTestSupport {

	record Filed(String code, String key) {
	}

	/** A report filed through the public API by a named citizen. */
	private Filed file(String title) throws Exception {
		return file(title, "\"category\":\"JALAN_JEMBATAN\"");
	}

	private Filed file(String title, String extra) throws Exception {
		String body = """
				{"type":"COMPLAINT","title":"%s","description":"Sudah dua minggu, membahayakan pengendara motor.",%s,"location":{"regency":"Kota Jambi"},"anonymous":false,"confidential":false,"reporter":{"name":"Sari","phone":"0812-1111-2222"}}"""
			.formatted(title, extra);
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		String json = created.body();
		return new Filed(field(json, "trackingCode"), field(json, "accessKey"));
	}

	private static String field(String json, String name) {
		int start = json.indexOf('"', json.indexOf("\"" + name + "\":") + name.length() + 3) + 1;
		return json.substring(start, json.indexOf('"', start));
	}

	private String token(String username) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return field(answer.body(), "access_token");
	}

	/** Takes an action through the API, as a colleague at another desk would. */
	private void actByApi(String username, Filed report, String action, String body) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports/" + report.code() + "/actions/" + action)))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token(username))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
	}

	private Page open(String username, Filed report) {
		Page page = signIn(username);
		page.navigate(url("/petugas/laporan/" + report.code()));
		return page;
	}

	private static void act(Page page, String action, String button) {
		page.locator("#action-" + action)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button))
			.click();
		page.waitForLoadState();
	}

	/** Forwarded, received and verified: the coordinator picks an agency next. */
	private Page verified(Filed report) {
		Page national = open("nasional", report);
		act(national, "forward", "Teruskan ke Admin Koordinator");
		Page coordinator = open("koordinator", report);
		act(coordinator, "receive", "Terima laporan");
		act(coordinator, "verify", "Verifikasi: kewenangan Provinsi Jambi");
		return coordinator;
	}

	@Test
	void aNoteStandsInTheOfficersTimelineAndNeverOnTheReportersPage() throws Exception {
		String secret = "Pelapor menelepon ke meja layanan " + UUID.randomUUID().toString().substring(0, 6);
		Filed report = file("Jalan berlubang di Jl. Kapten Pattimura");
		Page coordinator = verified(report);

		// an empty note is refused with a message by the field
		coordinator.locator("#note-text").fill(" ");
		coordinator.locator("#note").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Simpan catatan"))
			.click();
		assertThat(coordinator.locator("#note-text-error")).isVisible();
		coordinator.locator("#note-text").fill(secret);
		coordinator.locator("#note").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Simpan catatan"))
			.click();
		assertThat(coordinator.locator("#note .notice.ok")).hasText("Catatan tersimpan.");
		assertThat(coordinator.locator(".status")).containsText("terverifikasi");
		Locator entry = coordinator.locator(".timeline li.internal");
		assertThat(entry).containsText(secret);
		assertThat(entry.locator(".badge.internal")).hasText("Internal");
		look(coordinator, "30-note");

		Page citizen = newPage();
		citizen.navigate(url("/laporan?kode=" + report.code()));
		citizen.getByLabel("Kunci akses").fill(report.key());
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buka laporan")).click();
		assertThat(citizen.locator("h1")).containsText("Jalan berlubang");
		assertThat(citizen.locator("body")).not().containsText(secret);
		assertThat(citizen.locator("#note")).hasCount(0);
		citizen.navigate(url("/lacak?kode=" + report.code()));
		assertThat(citizen.locator("body")).not().containsText(secret);
	}

	@Test
	void aLetterIsFiledWithItsScanAndItsReceiptPrinted() throws Exception {
		Page coordinator = signIn("koordinator");
		coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catat laporan")).click();
		assertThat(coordinator.locator("h1")).containsText("surat, loket, telepon");
		// a form with mistakes comes back with each message by its field
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Catat laporan")).click();
		assertThat(coordinator.locator("#channel-error")).isVisible();
		assertThat(coordinator.locator("#error-summary")).isVisible();

		coordinator.locator("label[for='channel-LETTER']").click();
		coordinator.getByLabel("Waktu diterima (WIB, tidak wajib)").fill("2026-11-20T10:30");
		coordinator.locator("label[for='type-COMPLAINT']").click();
		coordinator.getByLabel("Judul laporan").fill("Surat warga: drainase tersumbat di Kelurahan Sungai Putri");
		coordinator.getByLabel("Kronologi").fill("Warga RT 07 menyurati gubernur: saluran air tersumbat sejak Oktober.");
		coordinator.locator("#regency").selectOption("Kota Jambi");
		coordinator.getByLabel("Nama (tidak wajib)").fill("Ahmad Yani");
		coordinator.getByLabel("Nomor telepon").fill("0813-6000-1234");
		coordinator.locator("#files").setInputFiles(new FilePayload("surat.pdf", "application/pdf", scan()));
		look(coordinator, "32-intake-form");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Catat laporan")).click();

		assertThat(coordinator.locator("h1")).hasText("Laporan sudah dicatat");
		String code = coordinator.locator("#tracking-code").innerText().strip();
		String key = coordinator.locator("#access-key").innerText().strip();
		assertThat(coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cetak tanda terima")))
			.isVisible();
		look(coordinator, "32-intake-receipt");
		// printed: the page's own controls stay off the paper
		coordinator.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(coordinator.locator("header")).isHidden();
		assertThat(coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cetak tanda terima")))
			.isHidden();
		assertThat(coordinator.locator("#access-key")).isVisible();
		coordinator.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

		Download pdf = coordinator.waitForDownload(() -> coordinator
			.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unduh PDF (satu halaman)")).click());
		assertThat(pdf.suggestedFilename()).isEqualTo("tanda-terima-" + code + ".pdf");
		pdf.saveAs(java.nio.file.Paths.get("target", "screenshots", "32-intake-receipt.pdf"));
		try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(code).contains(key).contains("Surat").contains("TANDA TERIMA LAPORAN");
		}

		// the report waits for the national admin, from the letter, with its scan and a late step 1
		Page national = open("nasional", new Filed(code, key));
		assertThat(national.locator(".facts").first()).containsText("Surat");
		assertThat(national.locator("#files-heading + ul")).containsText("lampiran-1.pdf");
		assertThat(national.locator(".timeline li").first()).containsText("koordinator");
	}

	private static byte[] scan() throws Exception {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void fiveReportsAreReceivedFromTheWorkTableAndTheOneAColleagueTookIsSaidWhy() throws Exception {
		String word = "Meja" + UUID.randomUUID().toString().substring(0, 6);
		java.util.List<Filed> reports = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			Filed report = file("Lampu jalan padam " + word + " titik " + i);
			actByApi("nasional", report, "forward", "{\"jurisdiction\":\"JAMBI\"}");
			reports.add(report);
		}
		Page coordinator = signIn("koordinator");
		coordinator.setViewportSize(1280, 900);
		coordinator.navigate(url("/petugas?q=" + word));
		Locator table = coordinator.locator("#worktable table");
		assertThat(table).isVisible();
		assertThat(coordinator.locator("ul.items")).isHidden();
		assertThat(table.locator("tbody tr")).hasCount(5);
		// sorted by title through its header, then the other way
		table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Judul")).click();
		assertThat(table.locator("th[aria-sort='ascending']")).hasText("Judul");
		assertThat(table.locator("tbody tr").first()).containsText("titik 1");
		table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Judul")).click();
		assertThat(table.locator("th[aria-sort='descending']")).hasText("Judul");
		assertThat(coordinator.locator("#worktable table tbody tr").first()).containsText("titik 5");

		// a colleague receives one of them first
		actByApi("koordinator", reports.get(2), "receive", "{}");
		// every control is reached by the keyboard, and shows it has the focus
		coordinator.locator("#pick-" + reports.get(0).code()).focus();
		coordinator.keyboard().press("Space");
		assertThat(coordinator.locator("#pick-" + reports.get(0).code())).isChecked();
		for (Filed report : reports.subList(1, 5)) {
			coordinator.locator("#pick-" + report.code()).check();
		}
		assertThat(coordinator.locator("#bulk-action")).hasValue("receive");
		look(coordinator, "33-worktable");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Jalankan untuk yang dicentang"))
			.click();
		Locator result = coordinator.locator("#bulk-result");
		assertThat(result).containsText("4 dari 5 laporan diproses.");
		assertThat(result.locator("li")).hasCount(1);
		assertThat(result.locator("li")).containsText(reports.get(2).code());
		assertThat(result.locator("li")).containsText("sudah berstatus \"diterima Admin Koordinator\"");
		look(coordinator, "33-worktable-done");
		for (Filed report : reports) {
			assertThat(this.jdbc.sql("select status from report where tracking_code = ?")
				.param(report.code().replace("-", ""))
				.query(String.class)
				.single()).isEqualTo("RECEIVED");
		}
	}

	/** A report walked by the API to the agency, accepted by its liaison officer. */
	private Filed inProgress(String title) throws Exception {
		Filed report = file(title);
		actByApi("nasional", report, "forward", "{\"jurisdiction\":\"JAMBI\"}");
		actByApi("koordinator", report, "receive", "{}");
		actByApi("koordinator", report, "verify", "{}");
		actByApi("koordinator", report, "assign", "{\"agency\":\"DINKES\"}");
		actByApi("koordinator", report, "dispose", "{}");
		actByApi("dinkes", report, "accept", "{}");
		return report;
	}

	@Test
	void aTemplateFillsTheAnswerWithAndWithoutScripts() throws Exception {
		Filed report = inProgress("Puskesmas tutup pada jam layanan");
		Page liaison = open("dinkes", report);
		liaison.locator("#answer-answer-template").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel("Sudah ditindaklanjuti"));
		Locator answer = liaison.locator("#answer-answer");
		assertThat(answer).hasValue(java.util.regex.Pattern.compile(".*" + report.code() + ".*Dinas Kesehatan.*"));
		look(liaison, "34-template-filled");
		answer.fill(answer.inputValue().replace("[tanggal]", "25 November 2026")
			.replace("[uraikan tindakan yang dilakukan]", "jam layanan kembali 07.30-14.00"));
		act(liaison, "answer", "Kirim jawaban");
		assertThat(liaison.locator(".answer")).containsText("jam layanan kembali 07.30-14.00");

		// without scripts: the choice fills the empty text when the form is sent
		Filed second = inProgress("Antrean obat di puskesmas terlalu lama");
		com.microsoft.playwright.BrowserContext plain = browserContext(false);
		Page noScript = plain.newPage();
		noScript.navigate(url("/masuk"));
		noScript.getByLabel("Nama pengguna").fill("dinkes");
		noScript.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
		noScript.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk").setExact(true)).click();
		noScript.navigate(url("/petugas/laporan/" + second.code()));
		noScript.locator("#answer-answer-template").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel("Sudah ditindaklanjuti"));
		assertThat(noScript.locator("#answer-answer")).hasValue("");
		act(noScript, "answer", "Kirim jawaban");
		assertThat(noScript.locator(".answer")).containsText("Terima kasih atas laporan Anda (" + second.code() + ")");
		plain.close();
	}

	@Test
	void theCoordinatorKeepsTheTemplates() {
		Page coordinator = signIn("koordinator");
		coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Templat jawaban")).click();
		assertThat(coordinator.locator("#templates-answer")).containsText("Sudah ditindaklanjuti");
		coordinator.locator("#tpl-action").selectOption("hold");
		coordinator.locator("#tpl-title").fill("Minta foto");
		coordinator.locator("#tpl-body").fill("Mohon kirim foto lokasi untuk laporan {kode} dan {alamat}.");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan templat")).click();
		assertThat(coordinator.locator("#tpl-body-error")).containsText("{alamat}");
		coordinator.locator("#tpl-body").fill("Mohon kirim foto lokasi untuk laporan {kode}.");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan templat")).click();
		assertThat(coordinator.locator(".notice.ok")).hasText("Templat \"Minta foto\" tersimpan.");
		assertThat(coordinator.locator("#templates-hold")).containsText("Minta foto");
		look(coordinator, "35-templates");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hapus templat \"Minta foto\"")).click();
		assertThat(coordinator.locator("#templates-hold")).not().containsText("Minta foto");
	}

	@Test
	void aPungliReportNeverReachesTheAccusedAgency() throws Exception {
		// the citizen names the agency on the public form
		Page citizen = newPage();
		citizen.navigate(url("/lapor"));
		assertThat(citizen.locator("#accusedAgency option[value='DINKES']")).hasCount(1);

		Filed report = file("Pungutan untuk surat keterangan sehat",
				"\"category\":\"PUNGLI\",\"accusedAgency\":\"DINKES\"");
		Page coordinator = verified(report);
		// confidential by force, a notice while assigning, and only the inspectorate to choose
		assertThat(coordinator.locator(".facts").first()).containsText("Rahasia");
		assertThat(coordinator.locator("#sensitive-notice")).containsText("Inspektorat Daerah Provinsi Jambi");
		assertThat(coordinator.locator("#action-assign")).containsText("Dinas Kesehatan");
		assertThat(coordinator.locator("#assign-agency option[value='DINKES']")).hasCount(0);
		assertThat(coordinator.locator("#assign-agency option[value='INSPEKTORAT']")).hasCount(1);
		look(coordinator, "36-sensitive-assign");
		coordinator.locator("#assign-agency").selectOption("INSPEKTORAT");
		act(coordinator, "assign", "Tentukan Perangkat Daerah");
		act(coordinator, "dispose", "Disposisikan ke Pejabat Penghubung");
		assertThat(coordinator.locator(".facts").first()).containsText("Inspektorat");

		Page accused = signIn("dinkes");
		assertThat(accused.navigate(url("/petugas/laporan/" + report.code())).status()).isEqualTo(404);
		accused.navigate(url("/petugas?q=Pungutan"));
		assertThat(accused.locator("body")).not().containsText(report.code());
	}

	@Test
	void sixtyDaysOnTheReporterAsksForTheOmbudsmanAndTheCoordinatorHandsItOver() throws Exception {
		this.clock.set(java.time.Instant.parse("2026-09-01T02:00:00Z"));
		Filed report = inProgress("Obat kosong di puskesmas sejak Agustus");
		this.clock.set(java.time.Instant.parse("2026-11-02T02:00:00Z"));

		Page citizen = newPage();
		citizen.navigate(url("/laporan?kode=" + report.code()));
		citizen.getByLabel("Kunci akses").fill(report.key());
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buka laporan")).click();
		Locator ombudsman = citizen.locator("#ombudsman");
		assertThat(ombudsman).containsText("lebih dari 60 hari");
		look(citizen, "37-ombudsman-offer");
		ombudsman.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Minta diteruskan ke Ombudsman")).click();
		assertThat(citizen.locator("#ombudsman .notice")).containsText("Anda sudah meminta");

		Page coordinator = open("koordinator", report);
		assertThat(coordinator.locator("#ombudsman .notice")).containsText("Pelapor meminta");
		Download pdf = coordinator.waitForDownload(() -> coordinator
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unduh paket untuk Ombudsman (PDF)")).click());
		try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
			assertThat(new PDFTextStripper().getText(document)).contains(report.code()).contains("OMBUDSMAN");
		}
		coordinator.locator("#ombudsman-note").fill("Surat B-115/DISKOMINFO/2026 ke Ombudsman RI Perwakilan Jambi");
		look(coordinator, "37-ombudsman-coordinator");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Catat penyerahan ke Ombudsman"))
			.click();
		assertThat(coordinator.locator("#ombudsman .notice.ok")).isVisible();
		assertThat(coordinator.locator(".timeline")).containsText("Diserahkan ke Ombudsman");

		citizen.reload();
		assertThat(citizen.locator(".timeline")).containsText("B-115/DISKOMINFO/2026");
	}

	@Test
	void twoSimilarReportsAreLinkedAndAnsweredOnce() throws Exception {
		String place = "Simpang Rimbo " + UUID.randomUUID().toString().substring(0, 4);
		Filed main = file("Banjir setinggi lutut di " + place);
		Filed duplicate = file("Jalan di " + place + " banjir setinggi lutut");
		for (Filed report : java.util.List.of(main, duplicate)) {
			actByApi("nasional", report, "forward", "{\"jurisdiction\":\"JAMBI\"}");
			actByApi("koordinator", report, "receive", "{}");
		}
		Page coordinator = open("koordinator", duplicate);
		Locator similar = coordinator.locator("#similar");
		assertThat(similar).containsText(main.code());
		look(coordinator, "38-similar");
		similar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gabungkan ke " + main.code())).click();
		assertThat(coordinator.locator(".status")).containsText("digabung dengan laporan serupa");

		actByApi("koordinator", main, "verify", "{}");
		actByApi("koordinator", main, "assign", "{\"agency\":\"DINKES\"}");
		actByApi("koordinator", main, "dispose", "{}");
		actByApi("dinkes", main, "accept", "{}");
		actByApi("dinkes", main, "answer", "{\"answer\":\"Saluran sudah dikeruk dan air surut.\"}");
		coordinator.navigate(url("/petugas/laporan/" + main.code()));
		assertThat(coordinator.locator("#linked-here")).containsText(duplicate.code());

		Page citizen = newPage();
		citizen.navigate(url("/laporan?kode=" + duplicate.code()));
		citizen.getByLabel("Kunci akses").fill(duplicate.key());
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buka laporan")).click();
		assertThat(citizen.locator(".answer")).containsText("Saluran sudah dikeruk");
		assertThat(citizen.locator(".timeline")).containsText(main.code());
		look(citizen, "38-linked-answered");
	}

	@Test
	void theCoordinatorRecallsAReportFromTheWrongAgency() throws Exception {
		Filed report = file("Sampah menumpuk di Pasar Angso Duo");
		Page coordinator = verified(report);
		coordinator.locator("#assign-agency").selectOption("DINKES");
		act(coordinator, "assign", "Tentukan Perangkat Daerah");
		act(coordinator, "dispose", "Disposisikan ke Pejabat Penghubung");

		// a reason is required
		assertThat(coordinator.locator("#recall-reason")).hasAttribute("required", "required");
		coordinator.locator("#recall-reason").fill("Pasar: kewenangan Dinas Perindustrian dan Perdagangan.");
		look(coordinator, "31-recall");
		act(coordinator, "recall", "Tarik kembali dari Perangkat Daerah");
		assertThat(coordinator.locator(".status")).containsText("terverifikasi");
		assertThat(coordinator.locator(".timeline")).containsText("Pasar: kewenangan Dinas Perindustrian");
		assertThat(coordinator.locator("#assign-agency")).isVisible();

		// the agency's liaison officer no longer opens it
		Page liaison = signIn("dinkes");
		com.microsoft.playwright.Response response = liaison.navigate(url("/petugas/laporan/" + report.code()));
		assertThat(response.status()).isEqualTo(404);
	}

}
