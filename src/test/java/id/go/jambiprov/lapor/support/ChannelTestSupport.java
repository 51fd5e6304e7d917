package id.go.jambiprov.lapor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the channel tests: the service on a real port with every channel switched on, the
 * providers' APIs faked on a local server, and signing clients that post what the providers post.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ChannelTestSupport extends ApiTestSupport {

	protected static final FakeProviders providers = new FakeProviders();

	/** The complaints mailbox (IMAP) and the SMTP server replies go out through. */
	protected static final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	public static final String MAILBOX = "pengaduan@lapor.jambiprov.go.id";

	/** A Gammu SMSD database, as the modem daemon keeps it (the tables the service reads and writes). */
	public static final String GAMMU_URL = "jdbc:h2:mem:gammu;DB_CLOSE_DELAY=-1";

	static {
		mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		mail.start();
		mail.setUser(MAILBOX, MAILBOX, "kotak-rahasia");
		gammuTables();
	}

	@LocalServerPort
	private int port;

	protected ChannelClients channels;

	/** Creates the Gammu SMSD tables the service reads and writes, once. */
	public static void gammuTables() {
		try (Connection gammu = DriverManager.getConnection(GAMMU_URL); Statement sql = gammu.createStatement()) {
			sql.execute("""
					create table if not exists inbox (ID integer auto_increment primary key, ReceivingDateTime timestamp,
					  Text varchar(2000), SenderNumber varchar(20) not null, Coding varchar(40), UDH varchar(255),
					  SMSCNumber varchar(20), Class integer default -1, TextDecoded varchar(2000), RecipientID varchar(255),
					  Processed varchar(5) default 'false' not null, Status integer default 0)""");
			sql.execute("""
					create table if not exists outbox (ID integer auto_increment primary key, DestinationNumber varchar(20),
					  TextDecoded varchar(2000), CreatorID varchar(255), Coding varchar(40), MultiPart varchar(5),
					  SendingDateTime timestamp default current_timestamp)""");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void channelSettings(DynamicPropertyRegistry registry) {
		Map<String, String> settings = Map.ofEntries(Map.entry("whatsapp.app-secret", ChannelClients.WHATSAPP_SECRET),
				Map.entry("whatsapp.verify-token", ChannelClients.WHATSAPP_VERIFY),
				Map.entry("whatsapp.access-token", "wa-access-token"),
				Map.entry("whatsapp.phone-number-id", ChannelClients.WHATSAPP_PHONE_ID),
				Map.entry("whatsapp.api-base", providers.url("/wa")),
				Map.entry("whatsapp.update-template", "lapor_pembaruan"),
				Map.entry("instagram.app-secret", ChannelClients.INSTAGRAM_SECRET),
				Map.entry("instagram.verify-token", "ig-verify"), Map.entry("instagram.access-token", "ig-access-token"),
				Map.entry("instagram.account-id", ChannelClients.INSTAGRAM_ACCOUNT),
				Map.entry("instagram.api-base", providers.url("/ig")),
				Map.entry("x.consumer-secret", ChannelClients.X_SECRET), Map.entry("x.user-id", ChannelClients.X_SELF),
				Map.entry("x.bearer-token", "x-user-token"), Map.entry("x.api-base", providers.url("/x")),
				Map.entry("telegram.secret-token", ChannelClients.TELEGRAM_SECRET),
				Map.entry("telegram.bot-token", ChannelClients.TELEGRAM_BOT),
				Map.entry("telegram.api-base", providers.url("/tg")), Map.entry("sms.secret", ChannelClients.SMS_SECRET),
				Map.entry("sms.send-url", providers.url("/sms/send")));
		settings.forEach((key, value) -> registry.add("lapor.channels." + key, () -> value));
		registry.add("lapor.channels.sms.gammu.url", () -> GAMMU_URL);
		registry.add("lapor.channels.email.host", () -> "127.0.0.1");
		registry.add("lapor.channels.email.port", () -> mail.getImap().getPort());
		registry.add("lapor.channels.email.protocol", () -> "imap");
		registry.add("lapor.channels.email.username", () -> MAILBOX);
		registry.add("lapor.channels.email.password", () -> "kotak-rahasia");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		// the tests send faster than a provider would allow; our own pacing has no clock to wait on here
		for (String channel : new String[] { "whatsapp", "instagram", "x", "telegram", "sms" }) {
			registry.add("lapor.channels." + channel + ".per-second", () -> "1000");
		}
	}

	@BeforeEach
	void channelClients() {
		this.channels = new ChannelClients("http://localhost:" + this.port);
		providers.mode(FakeProviders.Mode.UP);
	}

	/** Waits until the worker has handled the message; returns its outcome. */
	protected String awaitHandled(String channel, String providerMessageId) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !"PENDING".equals(inbound(channel, providerMessageId)
			.getOrDefault("status", "PENDING")));
		return (String) inbound(channel, providerMessageId).get("outcome");
	}

	protected Map<String, Object> inbound(String channel, String providerMessageId) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select status, outcome, report_code, attempts, last_error from inbound_message
				where channel = ? and provider_message_id = ?""")
			.params(channel, providerMessageId)
			.query()
			.listOfRows();
		return rows.isEmpty() ? Map.of() : rows.get(0);
	}

	/** Waits for the next call to the fake provider under that path, after {@code before} calls. */
	protected FakeProviders.Call awaitCall(String pathPrefix, int before) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> providers.calls(pathPrefix).size() > before);
		return providers.calls(pathPrefix).get(before);
	}

}
