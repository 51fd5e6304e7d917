package id.go.jambiprov.lapor.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The channel simulator of the demo mode, as a newcomer uses it: a message by SMS and one by
 * WhatsApp travel the real way in (signed webhook) and out (outbox, provider API), and the
 * page shows what the citizen receives.
 */
@TestPropertySource(properties = { "lapor.channels.whatsapp.app-secret=demo-wa", "lapor.channels.whatsapp.access-token=t",
		"lapor.channels.whatsapp.phone-number-id=1708",
		"lapor.channels.whatsapp.api-base=/webhooks/simulated-provider/wa", "lapor.channels.sms.secret=demo-sms",
		"lapor.channels.sms.send-url=/webhooks/simulated-provider/sms/send" })
class SimulatorBrowserTests extends BrowserTestSupport {

	@Test
	void aNewcomerFilesAReportBySmsAndAsksForItsStatusOnWhatsApp() {
		Page page = newPage();
		page.navigate(url("/"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("simulator kanal").setExact(false)).click();
		assertThat(page.locator("h1")).hasText("Simulator kanal (mode demo)");
		page.locator("label[for='ch-SMS']").click();
		page.getByLabel("Pengirim").fill("081377776666");
		page.getByLabel("Pesan").fill("LAPOR Pungli di loket Samsat Kota Jambi, diminta Rp100.000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim sebagai warga")).click();
		assertThat(page.locator(".from-lapor").last()).containsText("laporan Anda diterima. Kode");
		assertThat(page.locator(".from-citizen .badge").last()).hasText("laporan baru");
		look(page, "70-simulator-sms");
		String code = page.locator(".from-citizen a").last().innerText().replace("Lacak ", "").strip();

		page.locator("label[for='ch-WHATSAPP']").click();
		page.getByLabel("Pengirim").fill("6281311112222");
		page.getByLabel("Pesan").fill("cek " + code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim sebagai warga")).click();
		assertThat(page.locator(".from-lapor").last()).containsText("Laporan " + code + ": diajukan");
		look(page, "70-simulator-whatsapp");
	}

}
