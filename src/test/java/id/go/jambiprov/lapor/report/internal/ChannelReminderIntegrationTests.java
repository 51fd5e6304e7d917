package id.go.jambiprov.lapor.report.internal;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelClients;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reporter without an account who wrote on WhatsApp is reminded there, halfway through a hold,
 * that the report waits for their data.
 */
class ChannelReminderIntegrationTests extends ChannelTestSupport {

	@Autowired
	private ReportTimeouts timeouts;

	@Test
	void aWhatsAppReporterIsRemindedOnWhatsAppDuringAHold() {
		String from = "62815" + String.format("%08d", System.nanoTime() % 100_000_000L);
		String id = "wamid.REMIND" + System.nanoTime();
		this.channels.whatsApp(ChannelClients.whatsAppText(id, from, "Tono", "Sekolah rusak di Desa Pematang", 1763859000));
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		Fixture report = new Fixture((String) inbound("WHATSAPP", id).get("report_code"), null);
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "hold", "koordinator", Map.of("reason", "Mohon kirim nama sekolahnya."));
		String path = "/wa/" + ChannelClients.WHATSAPP_PHONE_ID + "/messages";
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> providers.calls(path).stream()
			.anyMatch(c -> c.body().contains(from) && c.body().contains("perlu data tambahan")));
		this.clock.advance(Duration.ofDays(9));
		assertThat(this.timeouts.remindDue()).isPositive();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> providers.calls(path).stream()
			.anyMatch(c -> c.body().contains(from) && c.body().contains("masih menunggu data dari Anda")));
	}

}
