package id.go.jambiprov.lapor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's national SP4N-LAPOR! as a newcomer uses it: a report sent "from the national
 * system" arrives as FORWARDED in the coordinator's inbox with its national number, and the
 * coordinator's step goes back to the national system.
 */
@TestPropertySource(properties = { "lapor.national.url=/webhooks/simulated-national",
		"lapor.national.token=demo-national-token" })
class NationalSimulatorBrowserTests extends BrowserTestSupport {

	@Test
	void aReportFromTheNationalSystemArrivesForwardedAndItsStepsGoBack() {
		Page national = newPage();
		national.navigate(url("/simulator"));
		national.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Simulasi SP4N-LAPOR! nasional")
			.setExact(false)).click();
		assertThat(national.locator("h1")).hasText("Simulasi SP4N-LAPOR! nasional");
		national.getByLabel("Judul").fill("Jembatan gantung Desa Lubuk Kepayang rusak");
		national.getByLabel("Isi laporan").fill("Dua papan lantai jembatan lepas; anak sekolah melintas setiap pagi.");
		national.getByLabel("Kategori").selectOption("JALAN_JEMBATAN");
		national.getByLabel("Nama pelapor").fill("Rahmat");
		national.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Teruskan ke Provinsi Jambi")).click();
		assertThat(national.locator(".notice.ok")).containsText("tiba di LAPOR Jambi dengan kode");
		Matcher found = Pattern.compile("Laporan (LAPOR-\\d+) diteruskan dan tiba di LAPOR Jambi dengan kode (\\d{4}-\\d{4}-\\d{4})")
			.matcher(national.locator(".notice.ok").innerText());
		assertThat(found.find()).isTrue();
		String nationalId = found.group(1);
		String code = found.group(2);
		look(national, "72-national-simulator");

		Page coordinator = signIn("koordinator");
		coordinator.navigate(url("/petugas?status=FORWARDED"));
		assertThat(coordinator.locator("main")).containsText(code);
		coordinator.navigate(url("/petugas/laporan/" + code));
		assertThat(coordinator.locator("main")).containsText(nationalId);
		assertThat(coordinator.locator("main")).containsText("SP4N-LAPOR! (nasional)");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terima laporan")).click();
		assertThat(coordinator.locator(".notice.ok, [role=status]").first()).isVisible();
		look(coordinator, "72-national-report");

		// the step reaches the national system after its commit, through the outbox
		var card = national.locator(".item", new Page.LocatorOptions().setHasText(nationalId));
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			national.navigate(url("/simulator/nasional"));
			return card.locator("ol.steps li").count() > 0;
		});
		assertThat(card).containsText("Di LAPOR Jambi: " + code);
		assertThat(card.locator("ol.steps li")).hasCount(1);
		assertThat(card.locator("ol.steps")).containsText("terdisposisi");

		// the centre sees that nothing is owed to the national system
		coordinator.navigate(url("/petugas/dasbor"));
		assertThat(coordinator.locator("main")).containsText("SP4N-LAPOR!: semua langkah sudah terkirim");
	}

}
