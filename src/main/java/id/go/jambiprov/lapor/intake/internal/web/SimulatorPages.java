package id.go.jambiprov.lapor.intake.internal.web;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpSession;

import id.go.jambiprov.lapor.intake.internal.ChannelSettings;
import id.go.jambiprov.lapor.intake.internal.InboundMessage.Kind;
import id.go.jambiprov.lapor.intake.internal.InboundMessage;
import id.go.jambiprov.lapor.intake.internal.InboundStore;
import id.go.jambiprov.lapor.intake.internal.Signatures;
import id.go.jambiprov.lapor.report.Channel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode only: a newcomer writes as a citizen on any channel and sees what the service
 * answers. The message is built exactly as the provider would send it, signed with the
 * channel's (demo) secret and posted to the service's own webhook over HTTP, so it travels the
 * real way in; e-mail is stored as the mailbox poller stores it. Answers go out the real way
 * too, to the simulated providers, and are shown as the citizen would read them.
 */
@Controller
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
class SimulatorPages {

	static final List<Channel> CHANNELS = List.of(Channel.WHATSAPP, Channel.SMS, Channel.TELEGRAM, Channel.INSTAGRAM,
			Channel.TWITTER, Channel.EMAIL);

	private static final String SESSION = "lapor.simulator";

	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	/** Example senders, one per channel. */
	static final Map<Channel, String> SENDERS = Map.of(Channel.WHATSAPP, "6281234567890", Channel.SMS, "081234567890",
			Channel.TELEGRAM, "700100200", Channel.INSTAGRAM, "17841400000001", Channel.TWITTER, "111222333",
			Channel.EMAIL, "warga@example.id");

	record Form(Channel channel, String sender, String text) implements Serializable {
	}

	/** One line of the conversation, either way. */
	record Line(boolean fromCitizen, String text, ZonedDateTime at, String outcome, String reportCode) {
	}

	private final ChannelSettings settings;

	private final InboundStore store;

	private final SimulatedProviders providers;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Environment environment;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SimulatorPages(ChannelSettings settings, InboundStore store, SimulatedProviders providers, JdbcClient jdbc,
			JsonMapper json, Environment environment, Clock clock) {
		this.settings = settings;
		this.store = store;
		this.providers = providers;
		this.jdbc = jdbc;
		this.json = json;
		this.environment = environment;
		this.clock = clock;
	}

	@GetMapping("/simulator")
	String page(HttpSession session, Model model) {
		Form last = session.getAttribute(SESSION) instanceof Form form ? form
				: new Form(Channel.WHATSAPP, SENDERS.get(Channel.WHATSAPP), null);
		return show(new Form(last.channel(), last.sender(), null), null, model);
	}

	@PostMapping("/simulator")
	String send(@ModelAttribute Form form, HttpSession session, Model model, Locale locale) {
		Channel channel = form.channel() == null || !CHANNELS.contains(form.channel()) ? Channel.WHATSAPP : form.channel();
		String sender = form.sender() == null || form.sender().isBlank() ? SENDERS.get(channel)
				: form.sender().strip().replaceAll("\\s+", "");
		String text = form.text() == null ? "" : form.text().strip();
		Form sent = new Form(channel, sender, null);
		session.setAttribute(SESSION, sent);
		String problem = null;
		if (text.isEmpty() && channel != Channel.SMS) {
			problem = "simulator.empty";
		}
		else if (!enabled(channel)) {
			problem = "simulator.off";
		}
		else {
			String id = deliver(channel, sender, text);
			if (id == null) {
				problem = "simulator.refused";
			}
			else {
				awaitAnswer(channel, id, sender);
			}
		}
		return show(sent, problem, model);
	}

	private String show(Form form, String problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("channels", CHANNELS);
		model.addAttribute("senders", SENDERS);
		model.addAttribute("problem", problem);
		model.addAttribute("lines", conversation(form.channel(), form.sender()));
		model.addAttribute("mailOff", form.channel() == Channel.EMAIL);
		return "simulator";
	}

	/** Posts the provider's payload to our own webhook; returns the provider message id, or null when refused. */
	private String deliver(Channel channel, String sender, String text) {
		long now = this.clock.instant().getEpochSecond();
		String unique = UUID.randomUUID().toString().substring(0, 12);
		switch (channel) {
			case WHATSAPP -> {
				String id = "wamid.SIM" + unique;
				Map<String, Object> message = Map.of("from", sender, "id", id, "timestamp", String.valueOf(now), "type",
						"text", "text", Map.of("body", text));
				Map<String, Object> value = Map.of("messaging_product", "whatsapp", "metadata",
						Map.of("display_phone_number", "6281100001708", "phone_number_id",
								String.valueOf(this.settings.whatsapp().phoneNumberId())),
						"contacts", List.of(Map.of("profile", Map.of("name", "Warga Demo"), "wa_id", sender)), "messages",
						List.of(message));
				byte[] body = bytes(Map.of("object", "whatsapp_business_account", "entry",
						List.of(Map.of("id", "1", "changes", List.of(Map.of("field", "messages", "value", value))))));
				return post("/webhooks/whatsapp", body, "X-Hub-Signature-256",
						Signatures.sha256Hex(this.settings.whatsapp().appSecret(), body)) ? id : null;
			}
			case SMS -> {
				String id = "sim-" + unique;
				byte[] body = bytes(Map.of("id", id, "from", sender, "text", text, "receivedAt",
						Instant.ofEpochSecond(now).toString()));
				return post("/webhooks/sms", body, "X-Signature", Signatures.sha256Hex(this.settings.sms().secret(), body))
						? id : null;
			}
			case TELEGRAM -> {
				long update = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
				Map<String, Object> chat = Map.of("id", parseLong(sender), "type", "private");
				byte[] body = bytes(Map.of("update_id", update, "message", Map.of("message_id", 1, "from",
						Map.of("id", parseLong(sender), "is_bot", false, "first_name", "Warga"), "chat", chat, "date", now,
						"text", text)));
				return post("/webhooks/telegram", body, "X-Telegram-Bot-Api-Secret-Token",
						this.settings.telegram().secretToken()) ? "update:" + update : null;
			}
			case INSTAGRAM -> {
				String mid = "m_SIM" + unique;
				byte[] body = bytes(Map.of("object", "instagram", "entry", List.of(Map.of("id", "17841400000000000", "time",
						now * 1000, "messaging", List.of(Map.of("sender", Map.of("id", sender), "recipient",
								Map.of("id", "17841400000000000"), "timestamp", now * 1000, "message",
								Map.of("mid", mid, "text", text)))))));
				return post("/webhooks/instagram", body, "X-Hub-Signature-256",
						Signatures.sha256Hex(this.settings.instagram().appSecret(), body)) ? mid : null;
			}
			case TWITTER -> {
				String event = "SIM" + unique;
				byte[] body = bytes(Map.of("for_user_id", "2244994945", "direct_message_events",
						List.of(Map.of("type", "message_create", "id", event, "created_timestamp", String.valueOf(now * 1000),
								"message_create", Map.of("target", Map.of("recipient_id", "2244994945"), "sender_id", sender,
										"message_data", Map.of("text", text)))),
						"users", Map.of(sender, Map.of("id", sender, "screen_name", "warga_demo"))));
				return post("/webhooks/x", body, "x-twitter-webhooks-signature",
						Signatures.sha256Base64(this.settings.x().consumerSecret(), body)) ? "dm:" + event : null;
			}
			case EMAIL -> {
				// as the mailbox poller stores an e-mail it read over IMAP
				String id = "<" + unique + "@simulator.lapor.example>";
				this.store.store(List.of(new InboundMessage(Channel.EMAIL, id, sender.toLowerCase(Locale.ROOT), null,
						Kind.TEXT, text, null, null, null, null, null, null, this.clock.instant())));
				return id;
			}
			default -> {
				return null;
			}
		}
	}

	private boolean post(String path, byte[] body, String header, String value) {
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json")
				.header(header, value)
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException unreachable) {
			return false;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The answer is sent after two commits on other threads: wait a little for it, at most a few seconds. */
	private void awaitAnswer(Channel channel, String id, String sender) {
		int before = this.providers.to(channel, sender).size();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			String status = this.jdbc.sql("select status from inbound_message where channel = ? and provider_message_id = ?")
				.params(channel.name(), id)
				.query(String.class)
				.optional()
				.orElse("PENDING");
			if (!"PENDING".equals(status) && (this.providers.to(channel, sender).size() > before
					|| channel == Channel.EMAIL || "IGNORED".equals(status))) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private List<Line> conversation(Channel channel, String sender) {
		List<Line> lines = new ArrayList<>(this.jdbc.sql("""
				select body, received_at, outcome, report_code from inbound_message
				where channel = ? and sender = ? order by received_at desc fetch first 30 rows only""")
			.params(channel.name(), channel == Channel.EMAIL ? sender.toLowerCase(Locale.ROOT) : sender)
			.query((rs, n) -> new Line(true, rs.getString("body"), rs.getTimestamp("received_at").toInstant().atZone(JAKARTA),
					rs.getString("outcome"), rs.getString("report_code")))
			.list());
		this.providers.to(channel, sender)
			.forEach(s -> lines.add(new Line(false, s.text(), s.at().atZone(JAKARTA), null, null)));
		lines.sort(Comparator.comparing(Line::at).thenComparing(line -> !line.fromCitizen()));
		return lines;
	}

	private boolean enabled(Channel channel) {
		return switch (channel) {
			case WHATSAPP -> this.settings.whatsapp().enabled();
			case INSTAGRAM -> this.settings.instagram().enabled();
			case TWITTER -> this.settings.x().enabled();
			case TELEGRAM -> this.settings.telegram().enabled();
			case SMS -> this.settings.sms().enabled();
			case EMAIL -> true;
			default -> false;
		};
	}

	private byte[] bytes(Object payload) {
		return this.json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
	}

	private static long parseLong(String digits) {
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			return Math.abs((long) digits.hashCode());
		}
	}

}
