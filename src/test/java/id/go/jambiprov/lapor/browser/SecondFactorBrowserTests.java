package id.go.jambiprov.lapor.browser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.account.internal.SecondFactor;
import id.go.jambiprov.lapor.support.BrowserTestSupport;
import id.go.jambiprov.lapor.support.QrCodes;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator who is not a demo account sets up a second factor in Chromium at the first
 * sign-in: the test reads the QR code off the screen as a phone's camera would, types the code an
 * authenticator computes from it, keeps the recovery codes, and signs in again with a fresh code.
 */
class SecondFactorBrowserTests extends BrowserTestSupport {

	private static final String PASSWORD = "Sungai Batanghari mengalir ke timur";

	@Autowired
	UserAdministration users;

	@Autowired
	SecondFactor secondFactor;

	private Page signIn(String username, String password) {
		Page page = newPage();
		page.navigate(url("/masuk"));
		page.getByLabel("Nama pengguna").fill(username);
		page.getByLabel("Kata sandi").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk").setExact(true)).click();
		return page;
	}


	@Test
	void aCoordinatorSetsUpTheSecondFactorAtFirstSignInAndSignsInWithACodeAfterwards() throws Exception {
		String username = "koordinator-" + Long.toString(System.nanoTime(), 36);
		this.users.createIfAbsent(new NewUser(username, PASSWORD, "Koordinator baru", Role.COORDINATOR, "JAMBI", null));

		Page page = signIn(username, PASSWORD);
		assertThat(page.locator("h1")).hasText("Pasang faktor kedua");
		look(page, "60-second-factor-enrol");
		String address = URLDecoder.decode(QrCodes.read(page.locator("#qr").screenshot()), StandardCharsets.UTF_8);
		assertThat(address).startsWith("otpauth://totp/LAPOR Jambi:" + username);
		String secret = address.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
		assertThat(page.locator("#secret").innerText().replace(" ", "")).isEqualTo(secret);

		page.getByLabel("Kode").fill(this.secondFactor.codeAt(secret, this.clock.instant()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pasang dan masuk")).click();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		assertThat(page.locator("header")).containsText("Keluar (" + username + ")");
		look(page, "61-second-factor-recovery-codes");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Saya sudah menyimpannya, lanjutkan"))
			.click();
		assertThat(page.locator("h1")).hasText("Kotak masuk Admin Koordinator");

		this.clock.advance(Duration.ofSeconds(30));
		Page again = signIn(username, PASSWORD);
		assertThat(again.locator("h1")).hasText("Masukkan kode faktor kedua");
		again.getByLabel("Kode").fill("000000");
		again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lanjutkan")).click();
		assertThat(again.locator("#code-error")).containsText("Kode salah");
		look(again, "62-second-factor-code");
		again.getByLabel("Kode").fill(this.secondFactor.codeAt(secret, this.clock.instant()));
		again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lanjutkan")).click();
		assertThat(again.locator("h1")).hasText("Kotak masuk Admin Koordinator");
		again.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keamanan akun")).click();
		assertThat(again.locator("#factor-on")).containsText("Kode pemulihan yang tersisa: 10");
		look(again, "63-account-security");
	}

	@Test
	void theSystemAdminSeesNextYearsComputedDaysToConfirm() {
		Page admin = signIn("admin", DEMO_PASSWORD);
		admin.navigate(url("/admin/kalender?tahun=2027"));
		// a day no other test confirms (the calendar API test confirms those of January)
		assertThat(admin.locator(".item", new Page.LocatorOptions().setHasText("17 Agustus 2027")))
			.containsText("perkiraan, belum dikonfirmasi SKB");
		look(admin, "64-admin-calendar-provisional");
	}

}
