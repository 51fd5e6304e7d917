package id.go.jambiprov.lapor.intake.internal;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelClients;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.shared.WorkQueue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

/**
 * A message whose handling fails is kept and tried again later, whole: here a photo the
 * provider cannot give. After three tries the report is filed without it; nothing is lost,
 * nothing is filed twice. A message whose handling fails with an {@link Error} counts its tries
 * like any other and is given up when they are used up, never taken again forever.
 */
class InboundRetryIntegrationTests extends ChannelTestSupport {

	@Autowired
	private InboundProcessor processor;

	@MockitoSpyBean
	private ChannelReports reports;

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

	@Test
	void aMessageWhoseHandlingThrowsAnErrorIsGivenUpAfterItsTries() {
		doThrow(new StackOverflowError("deep")).when(this.reports)
			.file(argThat(incoming -> incoming != null && incoming.text() != null && incoming.text().contains("POISON")));
		String id = "wamid.ERROR" + System.nanoTime();
		String from = "62813" + String.format("%08d", System.nanoTime() % 100_000_000L);
		this.channels.whatsApp(ChannelClients.whatsAppText(id, from, "Rina", "POISON: lampu jalan padam", 1763859000));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> inbound("WHATSAPP", id).get("last_error") != null);
		assertThat(inbound("WHATSAPP", id)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat((String) inbound("WHATSAPP", id).get("last_error")).contains("StackOverflowError");
		for (int i = 2; i <= WorkQueue.Policy.INBOUND.maxAttempts() + 2; i++) {
			this.clock.advance(Duration.ofHours(2));
			this.processor.processDue();
		}
		assertThat(inbound("WHATSAPP", id)).containsEntry("status", "FAILED")
			.containsEntry("attempts", WorkQueue.Policy.INBOUND.maxAttempts());
	}

}
