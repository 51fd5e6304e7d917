package id.go.jambiprov.lapor.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officers' desk in Chromium: internal notes the reporter never reads, and a report recalled
 * from the wrong agency.
 */
class DeskBrowserTests extends BrowserTestSupport {

	record Filed(String code, String key) {
	}

	/** A report filed through the public API by a named citizen. */
	private Filed file(String title) throws Exception {
		String body = """
				{"type":"COMPLAINT","title":"%s","description":"Sudah dua minggu, membahayakan pengendara motor.","category":"JALAN_JEMBATAN","location":{"regency":"Kota Jambi"},"anonymous":false,"confidential":false,"reporter":{"name":"Sari","phone":"0812-1111-2222"}}"""
			.formatted(title);
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
