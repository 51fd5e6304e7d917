package id.go.jambiprov.lapor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import org.junit.jupiter.api.Test;

/**
 * The system admin issues an Open311 key to a civic app in the browser, sees it once, and
 * revokes it; the app files with the key until then and is refused after.
 */
class Open311ClientsBrowserTests extends BrowserTestSupport {

	private int file(String key) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("api_key=" + key
						+ "&service_code=JALAN_JEMBATAN&address_string=Jl.+Sudirman&description=Jalan+berlubang"
						+ "&email=warga.open311@example.id"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode();
	}

	@Test
	void aKeyIsShownOnceFilesReportsAndStopsWhenRevoked() throws Exception {
		String name = "Aplikasi Jalan Jambi " + ThreadLocalRandom.current().nextInt(10_000, 99_999);
		Page admin = signIn("admin");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open311").setExact(true)).click();
		assertThat(admin.locator("h1")).hasText("Aplikasi klien Open311");

		admin.locator("#o-rate").fill("0");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terbitkan kunci")).click();
		assertThat(admin.locator("#o-name-error")).hasText("Wajib diisi.");
		assertThat(admin.locator("#o-rate-error")).hasText("Batas harus 1 sampai 10.000 laporan per menit.");
		look(admin, "70-open311-invalid");

		admin.locator("#o-name").fill(name);
		admin.locator("#o-contact").fill("dev@jalanjambi.example.id");
		admin.locator("#o-rate").fill("30");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terbitkan kunci")).click();
		assertThat(admin.locator(".notice.ok")).containsText(name);
		String key = admin.locator("code.key").textContent().strip();
		assertThat(key).startsWith("o311_").hasSizeGreaterThan(40);
		var card = admin.locator(".item", new Page.LocatorOptions().setHasText(name));
		assertThat(card.locator(".badge")).hasText("Aktif");
		assertThat(card).containsText("Paling banyak 30 laporan per menit");
		look(admin, "70-open311-issued");

		assertThat(file(key)).isEqualTo(201);
		admin.reload();
		assertThat(admin.locator("code.key")).hasCount(0);
		card = admin.locator(".item", new Page.LocatorOptions().setHasText(name));
		assertThat(card).containsText("Sudah mengirim 1 laporan");

		card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Cabut kunci " + name)).click();
		assertThat(admin.locator(".notice.ok")).containsText("sudah dicabut");
		card = admin.locator(".item", new Page.LocatorOptions().setHasText(name));
		assertThat(card.locator(".badge")).hasText("Dicabut");
		look(admin, "70-open311-clients");
		assertThat(file(key)).isEqualTo(403);
	}

}
