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
 * A report the system closed after the reporter's silence sends them, on their channel, one
 * invitation to rate; their reply of 1 to 5 is recorded as the rating, once, and counts in the
 * figures.
 */
class RatingInvitationIntegrationTests extends ChannelTestSupport {

	@Autowired
	private ReportTimeouts timeouts;

	private static final String SEND = "/tg/bot" + ChannelClients.TELEGRAM_BOT + "/sendMessage";

	@Test
	void theReporterIsInvitedOnceAndTheirReplyIsTheRating() {
		long update = System.nanoTime() % 1_000_000_000L;
		long chat = 810_000_000L + update % 1000;
		this.channels.telegram(ChannelClients.telegramText(update, chat, "Rina", "Lampu jalan mati di Jl. Hayam Wuruk"));
		assertThat(awaitHandled("TELEGRAM", "update:" + update)).isEqualTo("FILED");
		Fixture report = new Fixture((String) inbound("TELEGRAM", "update:" + update).get("report_code"), null);
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		act(report, "accept", "dinkes");
		act(report, "answer", "dinkes", Map.of("answer", "Lampu sudah diganti petugas."));
		// ten working days without a reply: the system closes it and invites the reporter to rate
		this.clock.advance(Duration.ofDays(16));
		assertThat(this.timeouts.runDue()).isPositive();
		assertThat(rating(report)).isNull();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> providers.calls(SEND).stream()
			.anyMatch(c -> c.body().contains("\"chat_id\":\"" + chat + "\"") && c.body().contains("Seberapa puas Anda")));
		assertThat(providers.calls(SEND).stream()
			.filter(c -> c.body().contains("\"chat_id\":\"" + chat + "\"") && c.body().contains("Seberapa puas")))
			.hasSize(1);

		this.channels.telegram(ChannelClients.telegramText(update + 1, chat, "Rina", "4"));
		assertThat(awaitHandled("TELEGRAM", "update:" + (update + 1))).isEqualTo("RATED");
		assertThat(rating(report)).isEqualTo(4);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> providers.calls(SEND).stream()
			.anyMatch(c -> c.body().contains("\"chat_id\":\"" + chat + "\"") && c.body().contains("Penilaian 4 dari 5")));
		awaitListeners("SlaFigureRollup");
		awaitListeners("MonthlyRollup"); // the ratings
		assertThat(this.jdbc.sql("select count(*) from insight_counted where report_id = "
				+ "(select id from report where tracking_code = ?) and entry_number = 0")
			.param(report.code().replace("-", ""))
			.query(Long.class)
			.single()).isEqualTo(1);

		// once: a second reply changes nothing
		this.channels.telegram(ChannelClients.telegramText(update + 2, chat, "Rina", "NILAI " + report.code() + " 1"));
		assertThat(awaitHandled("TELEGRAM", "update:" + (update + 2))).isEqualTo("ALREADY_RATED");
		assertThat(rating(report)).isEqualTo(4);
	}

	@Test
	void aBareNumberWithNothingToRateIsAnOrdinaryMessage() {
		long update = System.nanoTime() % 1_000_000_000L + 5;
		long chat = 820_000_000L + update % 1000;
		this.channels.telegram(ChannelClients.telegramText(update, chat, "Budi", "3"));
		assertThat(awaitHandled("TELEGRAM", "update:" + update)).isNotEqualTo("RATED");
	}

	private Integer rating(Fixture report) {
		return this.jdbc.sql("select rating from report where tracking_code = ?")
			.param(report.code().replace("-", ""))
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

}
