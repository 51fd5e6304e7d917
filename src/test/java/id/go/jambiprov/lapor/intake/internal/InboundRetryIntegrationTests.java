package id.go.jambiprov.lapor.intake.internal;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelClients;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message whose handling fails is kept and tried again later, whole: here a photo the
 * provider cannot give. After three tries the report is filed without it; nothing is lost,
 * nothing is filed twice.
 */
class InboundRetryIntegrationTests extends ChannelTestSupport {

	@Autowired
	private InboundProcessor processor;

	@Test
	void aMessageThatFailsIsTriedAgainAndFinallyFiledWithoutWhatFailed() {
		String id = "wamid.RETRY" + System.nanoTime();
		String from = "62812" + String.format("%08d", System.nanoTime() % 100_000_000L);
		this.channels.whatsApp(ChannelClients.whatsAppImage(id, from, "MISSING-" + id, "Got mampet di Jl. Gatot Subroto",
				1763859000));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> inbound("WHATSAPP", id).get("last_error") != null);
		assertThat(inbound("WHATSAPP", id)).containsEntry("status", "PENDING").containsEntry("attempts", 1)
			.containsEntry("report_code", null);

		this.clock.advance(Duration.ofMinutes(5));
		this.processor.processDue();
		assertThat(inbound("WHATSAPP", id)).containsEntry("status", "PENDING").containsEntry("attempts", 2);

		this.clock.advance(Duration.ofMinutes(5));
		this.processor.processDue();
		assertThat(inbound("WHATSAPP", id)).containsEntry("status", "DONE").containsEntry("outcome", "FILED");
		assertThat(this.jdbc.sql("select count(*) from report where reporter_handle = ?").param(from)
			.query(Integer.class).single()).isEqualTo(1);
	}

}
