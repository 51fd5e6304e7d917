package id.go.jambiprov.lapor.notify.internal;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS replies through a GSM modem: a row in Gammu SMSD's outbox, which the daemon sends. */
class GammuOutboxTests {

	@Test
	void aReplyBecomesARowInTheModemsOutbox() {
		ChannelTestSupport.gammuTables();
		ProviderSettings settings = new ProviderSettings(null, null, null, null, new ProviderSettings.SmsApi(null, null,
				new ProviderSettings.Gammu(ChannelTestSupport.GAMMU_URL, null, null), 5));
		GammuOutbox outbox = new GammuOutbox(settings);
		assertThat(outbox.enabled()).isTrue();
		String to = "+6281299" + System.nanoTime() % 100000;
		outbox.queue(to, "LAPOR Jambi: laporan Anda diterima.");
		assertThat(JdbcClient.create(new DriverManagerDataSource(ChannelTestSupport.GAMMU_URL))
			.sql("select TextDecoded from outbox where DestinationNumber = ?")
			.param(to)
			.query(String.class)
			.single()).isEqualTo("LAPOR Jambi: laporan Anda diterima.");
	}

}
