package id.go.jambiprov.lapor.intake.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.support.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The intake module alone (its own beans on PostgreSQL; the report and notify modules it talks
 * to stand in as mocks of their APIs): a stored SMS is handled once, filed through
 * {@link ChannelReports} and answered through {@link ChannelMessages}, and a redelivery of the
 * same provider message is stored once.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE, extraIncludes = "shared")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class IntakeModuleTests {

	@MockitoBean
	ChannelReports reports;

	@MockitoBean
	ChannelMessages replies;

	@Autowired
	InboundStore store;

	@Autowired
	InboundProcessor processor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStoredMessageIsFiledAndAnsweredOnce() {
		when(this.replies.canSend(any())).thenReturn(true);
		when(this.reports.file(any())).thenReturn(new ChannelReports.Filed("1234-5678-9012", "kunci",
				TestClockConfiguration.MONDAY_MORNING));
		String from = "62816" + String.format("%08d", System.nanoTime() % 100_000_000L);
		String id = "sms-module-" + System.nanoTime();
		InboundMessage sms = InboundMessage.text(Channel.SMS, id, from, null,
				"LAPOR Lampu jalan di Jl. Kapten Pattimura padam sejak seminggu", Instant.parse("2026-11-23T00:59:00Z"));
		assertThat(this.store.store(List.of(sms))).isEqualTo(1);
		assertThat(this.store.store(List.of(sms))).isZero();

		verify(this.reports, timeout(Duration.ofSeconds(10).toMillis()))
			.file(argThat(incoming -> incoming.handle().equals(from) && incoming.text().contains("Pattimura")));
		verify(this.replies, timeout(Duration.ofSeconds(10).toMillis()))
			.send(argThat(reply -> reply.recipient().equals(from) && reply.text().contains("1234-5678-9012")));
		// the reply is queued inside the message's transaction: the row is DONE once it commits
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> "DONE".equals(this.jdbc.sql("select status from inbound_message where provider_message_id = ?")
				.param(id)
				.query(String.class)
				.single()));
		assertThat(this.processor.processDue()).isZero();
	}

}
