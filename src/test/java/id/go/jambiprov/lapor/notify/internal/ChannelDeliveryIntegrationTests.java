package id.go.jambiprov.lapor.notify.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelClients;
import id.go.jambiprov.lapor.support.ChannelTestSupport;
import id.go.jambiprov.lapor.support.FakeProviders.Mode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers going out: a provider outage delays them and loses none, a provider's 429 is waited
 * out, and the reporter hears each step that matters on the channel they used, and can answer
 * the officer's question there.
 */
class ChannelDeliveryIntegrationTests extends ChannelTestSupport {

	@Autowired
	private JdbcChannelMessages outbox;

	private static int counter = (int) (System.nanoTime() % 10_000_000);

	private static String number() {
		return "62813" + String.format("%08d", ++counter);
	}

	private Map<String, Object> outbound(String code) {
		return this.jdbc.sql("""
				select status, attempts, last_error, body, provider_message_id from outbound_message
				where report_code = ? order by created_at fetch first 1 rows only""")
			.param(code)
			.query()
			.singleRow();
	}

	private String fileByWhatsApp(String from, String text) {
		String id = "wamid.D" + (++counter);
		this.channels.whatsApp(ChannelClients.whatsAppText(id, from, "Dewi", text, 1763859000));
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		return (String) inbound("WHATSAPP", id).get("report_code");
	}

	@Test
	void aProviderOutageDelaysTheAnswerAndLosesNothing() {
		providers.mode(Mode.DOWN);
		String code = fileByWhatsApp(number(), "Air PDAM mati tiga hari di Kelurahan Sungai Putri");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> outbound(code).get("last_error") != null);
		assertThat(outbound(code)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		// the receipt waits sealed: a copy of the database does not give its code and key away
		assertThat((String) outbound(code).get("body")).startsWith("sealed:v1:").doesNotContain(code);

		providers.mode(Mode.UP);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.outbox.deliverDue()).isEqualTo(1);
		assertThat(outbound(code)).containsEntry("status", "SENT").containsEntry("body", null);
		assertThat((String) outbound(code).get("provider_message_id")).startsWith("wamid.OUT");
		// opened again for the provider: the reporter reads the code
		assertThat(providers.calls("/wa/" + ChannelClients.WHATSAPP_PHONE_ID + "/messages"))
			.anyMatch(c -> c.body().contains(code));
	}

	@Test
	void aProvidersTooManyRequestsIsWaitedOutWithoutCountingAsAFailure() {
		providers.mode(Mode.THROTTLING);
		String code = fileByWhatsApp(number(), "Pungli parkir di Pasar Angso Duo");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> outbound(code).get("last_error") != null);
		assertThat(outbound(code)).containsEntry("status", "PENDING").containsEntry("attempts", 0);

		providers.mode(Mode.UP);
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.outbox.deliverDue()).isZero(); // Retry-After: 7 seconds
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.outbox.deliverDue()).isEqualTo(1);
		assertThat(outbound(code)).containsEntry("status", "SENT");
	}

	@Test
	void pastWhatsAppsTwentyFourHoursTheUpdateGoesAsTheApprovedTemplate() {
		String from = "6281999" + String.format("%06d", ++counter % 1_000_000);
		String code = fileByWhatsApp(from, "Irigasi sawah di Kumpeh jebol");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> "SENT".equals(outbound(code).get("status")));
		assertThat(providers.calls("/wa/" + ChannelClients.WHATSAPP_PHONE_ID + "/messages").stream()
			.filter(c -> c.body().contains(from) && c.body().contains("\"type\":\"template\""))
			.findFirst()
			.orElseThrow()
			.body()).contains("\"name\":\"lapor_pembaruan\"", "\"code\":\"id\"", "laporan Anda diterima");
	}

	@Test
	void theReporterIsAskedOnWhatsAppAndTheAnswerThereResumesTheReport() {
		String from = number();
		String code = fileByWhatsApp(from, "Jembatan gantung di Desa Muara Jambi putus");
		Fixture report = new Fixture(code, null);
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		int before = providers.calls("/wa/" + ChannelClients.WHATSAPP_PHONE_ID).size();
		act(report, "hold", "koordinator", Map.of("reason", "Mohon kirim foto jembatan dan nama dusunnya."));
		var question = awaitCall("/wa/" + ChannelClients.WHATSAPP_PHONE_ID, before);
		assertThat(question.body()).contains("\"to\":\"" + from + "\"", "perlu data tambahan",
				"Mohon kirim foto jembatan").doesNotContain("koordinator");

		String answer = "wamid.ANS" + (++counter);
		this.channels.whatsApp(ChannelClients.whatsAppText(answer, from, "Dewi", "Dusun Tiga, dekat candi", 1763860000));
		assertThat(awaitHandled("WHATSAPP", answer)).isEqualTo("RESUMED");
		assertThat(view(report, "koordinator").path("status").asString()).isEqualTo("RECEIVED");
	}

	@Test
	void theReporterHearsWhereTheReportWentAndThatItWasAnsweredButNotWhoDidIt() {
		String from = number();
		String code = fileByWhatsApp(from, "Puskesmas Olak Kemang tutup saat jam kerja");
		Fixture report = new Fixture(code, null);
		int before = providers.calls("/wa/" + ChannelClients.WHATSAPP_PHONE_ID).size();
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		assertThat(awaitCall("/wa/" + ChannelClients.WHATSAPP_PHONE_ID, before).body())
			.contains("diteruskan ke Dinas Kesehatan");
		act(report, "accept", "dinkes");
		act(report, "answer", "dinkes", Map.of("answer", "Jadwal piket sudah diperbaiki."));
		String told = awaitCall("/wa/" + ChannelClients.WHATSAPP_PHONE_ID, before + 1).body();
		assertThat(told).contains("sudah dijawab oleh Dinas Kesehatan").doesNotContain("dinkes");
		// the reporter's own reply is not announced back to them
		String reply = "wamid.R" + (++counter);
		this.channels.whatsApp(ChannelClients.whatsAppText(reply, from, "Dewi", "Belum, kemarin masih tutup", 1763870000));
		assertThat(awaitHandled("WHATSAPP", reply)).isEqualTo("REPLIED");
		assertThat(view(report, "dinkes").path("status").asString()).isEqualTo("IN_PROGRESS");
	}

}
