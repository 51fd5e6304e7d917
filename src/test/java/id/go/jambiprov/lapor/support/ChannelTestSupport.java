package id.go.jambiprov.lapor.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

	@LocalServerPort
	private int port;

	protected ChannelClients channels;

	@DynamicPropertySource
	static void channelSettings(DynamicPropertyRegistry registry) {
		Map<String, String> settings = Map.ofEntries(Map.entry("whatsapp.app-secret", ChannelClients.WHATSAPP_SECRET),
				Map.entry("whatsapp.verify-token", ChannelClients.WHATSAPP_VERIFY),
				Map.entry("whatsapp.access-token", "wa-access-token"),
				Map.entry("whatsapp.phone-number-id", ChannelClients.WHATSAPP_PHONE_ID),
				Map.entry("whatsapp.api-base", providers.url("/wa")),
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
				select status, outcome, report_code, attempts from inbound_message
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
