package id.go.jambiprov.lapor.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversight in Chromium: the coordinator's dashboard with the SOP drawn from its table and live
 * counts that open the inbox, the agencies' table sorted by a header, the monthly performance page
 * and its PDF; a liaison officer's dashboard of their agency only, and no ranking for them.
 */
class OversightBrowserTests extends BrowserTestSupport {

	/** A report filed through the public API, waiting for the national admin. */
	private void fileReport() throws Exception {
		String body = """
				{"type":"COMPLAINT","title":"Lampu jalan padam di Jl. Gatot Subroto","description":"Sudah seminggu lampu jalan padam dan rawan kecelakaan.","category":"JALAN_JEMBATAN","location":{"regency":"Kota Jambi"},"anonymous":false,"confidential":false,"reporter":{"name":"Sari","phone":"0812-1111-2222"}}""";
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
	}

	@Test
	void theDashboardDrawsTheSopWithLiveCountsThatOpenTheInbox() throws Exception {
		fileReport();
		Page national = signIn("nasional");
		national.navigate(url("/petugas/dasbor"));
		assertThat(national.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dasbor").setExact(true)))
			.isVisible();
		// one box per status of the table, each a link into the inbox
		assertThat(national.locator(".flowchart svg a")).hasCount(14);
		assertThat(national.locator(".flowchart svg title").first()).hasText(
				"Alur SOP Keputusan Gubernur dengan jumlah laporan di setiap status");
		// it refreshes itself every minute with htmx; without scripts, a reload link
		assertThat(national.locator("#live")).hasAttribute("hx-trigger", "every 60s");
		assertThat(national.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Muat ulang"))).isVisible();
		look(national, "20-dashboard-national");
		national.locator(".flowchart svg a[href='/petugas?status=SUBMITTED']").click();
		national.waitForURL("**/petugas?status=SUBMITTED");
		assertThat(national.locator("#result-count")).not().hasText("Tidak ada laporan.");

		Page coordinator = signIn("koordinator");
		coordinator.navigate(url("/petugas/dasbor"));
		assertThat(coordinator.locator("#agencies tbody tr").first()).isVisible();
		coordinator.locator("#agencies thead a").first().click(); // by name
		assertThat(coordinator.locator("#agencies thead th").first()).hasAttribute("aria-sort", "ascending");
		coordinator.locator("summary").first().click(); // the chart's figures as a table
		look(coordinator, "21-dashboard-coordinator");
	}

	@Test
	void theMonthlyPerformancePageAndItsPdf() throws Exception {
		Page coordinator = signIn("koordinator");
		coordinator.navigate(url("/petugas/kinerja"));
		assertThat(coordinator.locator("h1")).containsText("Laporan Kinerja Pengelolaan Pengaduan");
		assertThat(coordinator.locator("#ranking tbody tr").first()).isVisible();
		look(coordinator, "22-performance");
		Download pdf = coordinator.waitForDownload(() -> coordinator
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF untuk ditandatangani")).click());
		byte[] bytes = Files.readAllBytes(pdf.path());
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(pdf.suggestedFilename()).startsWith("kinerja-").endsWith("-jambi.pdf");
	}

	@Test
	void aLiaisonOfficerSeesTheirAgencyAndNoRanking() {
		Page liaison = signIn("dinkes");
		liaison.navigate(url("/petugas/dasbor"));
		assertThat(liaison.locator("h1")).containsText("Dinas Kesehatan");
		assertThat(liaison.locator("#agencies tbody tr")).hasCount(1);
		assertThat(liaison.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kinerja").setExact(true)))
			.hasCount(0);
		look(liaison, "23-dashboard-liaison");
		Response ranking = liaison.navigate(url("/petugas/kinerja"));
		assertThat(ranking.status()).isEqualTo(403);
	}

	@Test
	void thePublicStatisticsWorkWithoutScriptsAndWithoutSigningIn() throws Exception {
		fileReport();
		BrowserContext context = browserContext(false);
		Page page = context.newPage();
		Response response = page.navigate(url("/statistik"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().length).isLessThan(60 * 1024);
		assertThat(page.locator("h1")).hasText("Statistik Pengaduan Provinsi Jambi");
		assertThat(page.locator("svg.map g")).hasCount(11);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statistik").setExact(true)))
			.isVisible();
		context.close();
		// axe-core needs scripts: the same page checked and looked at in an ordinary profile
		Page checked = newPage();
		checked.navigate(url("/statistik"));
		look(checked, "24-statistics");
	}

	@Test
	void theArchivePageRefusesToEraseContactsOfAReportNotYetArchived() throws Exception {
		fileReport();
		Page coordinator = signIn("koordinator");
		coordinator.navigate(url("/petugas/arsip"));
		assertThat(coordinator.locator("h1")).hasText("Arsip laporan provinsi");
		assertThat(coordinator.getByText("Belum ada laporan yang selesai lebih dari 2 tahun.")).isVisible();
		coordinator.getByLabel("Kode laporan").fill("0000-0000-0000");
		coordinator.getByLabel("Dasar permintaan (misalnya nomor surat pelapor)").fill("Surat 1/2026");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hapus kontak pelapor")).click();
		assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("Laporan tidak ditemukan");
		look(coordinator, "70-archive");
	}

}
