package id.go.jambiprov.lapor.notify.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Replies by SMS through a GSM modem: a row in the {@code outbox} table of a Gammu SMSD database
 * ({@code gammu-smsd-tables(7)}), which the daemon sends. Used when no HTTP SMS gateway is set.
 */
@Component
class GammuOutbox {

	private final JdbcClient gammu;

	GammuOutbox(ProviderSettings settings) {
		ProviderSettings.Gammu config = settings.sms().gammu();
		if (ProviderSettings.present(config.url())) {
			DriverManagerDataSource source = new DriverManagerDataSource(config.url(), config.username(),
					config.password());
			this.gammu = JdbcClient.create(source);
		}
		else {
			this.gammu = null;
		}
	}

	boolean enabled() {
		return this.gammu != null;
	}

	String queue(String to, String text) {
		if (this.gammu == null) {
			throw new IllegalStateException("No Gammu database configured (lapor.channels.sms.gammu.url)");
		}
		this.gammu.sql("""
				insert into outbox (DestinationNumber, TextDecoded, CreatorID, Coding, MultiPart)
				values (?, ?, 'lapor-jambi', 'Default_No_Compression', ?)""")
			.params(to, text, text.length() > 160 ? "true" : "false")
			.update();
		return null;
	}

}
