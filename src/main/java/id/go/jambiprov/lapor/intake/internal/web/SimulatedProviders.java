package id.go.jambiprov.lapor.intake.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import io.swagger.v3.oas.annotations.Hidden;

import id.go.jambiprov.lapor.intake.internal.Payloads;
import id.go.jambiprov.lapor.report.Channel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Demo mode only: the providers' send APIs (WhatsApp, Instagram, X, Telegram, the SMS gateway)
 * answered by the service itself, so that in the embedded default the answers to citizens travel
 * the real way out (outbox, HTTP call, provider's answer) and the channel simulator can show
 * what each citizen would have received. Keeps the last {@value #KEPT} messages in memory.
 */
@RestController
@RequestMapping("/webhooks/simulated-provider")
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
@Hidden
class SimulatedProviders {

	static final int KEPT = 500;

	/** What the service sent to a citizen. */
	record Sent(Channel channel, String recipient, String text, Instant at) {
	}

	private final Deque<Sent> sent = new ConcurrentLinkedDeque<>();

	private final AtomicLong ids = new AtomicLong();

	private final Clock clock;

	SimulatedProviders(Clock clock) {
		this.clock = clock;
	}

	@PostMapping("/wa/{phoneNumberId}/messages")
	Map<String, Object> whatsApp(@PathVariable String phoneNumberId, @RequestBody JsonNode body) {
		record(Channel.WHATSAPP, Payloads.text(body, "to"), Payloads.text(body.path("text"), "body"));
		return Map.of("messaging_product", "whatsapp", "messages", List.of(Map.of("id", "wamid.SIM" + this.ids.incrementAndGet())));
	}

	@PostMapping("/ig/{account}/messages")
	Map<String, Object> instagram(@PathVariable String account, @RequestBody JsonNode body) {
		JsonNode recipient = body.path("recipient");
		String to = Payloads.text(recipient, "id") != null ? Payloads.text(recipient, "id")
				: "comment:" + Payloads.text(recipient, "comment_id");
		record(Channel.INSTAGRAM, to, Payloads.text(body.path("message"), "text"));
		return Map.of("recipient_id", to, "message_id", "m_SIM" + this.ids.incrementAndGet());
	}

	@PostMapping("/x/2/tweets")
	Map<String, Object> tweet(@RequestBody JsonNode body) {
		record(Channel.TWITTER, "tweet:" + Payloads.text(body.path("reply"), "in_reply_to_tweet_id"),
				Payloads.text(body, "text"));
		return Map.of("data", Map.of("id", String.valueOf(1_900_000_000L + this.ids.incrementAndGet())));
	}

	@PostMapping("/x/2/dm_conversations/with/{participant}/messages")
	Map<String, Object> directMessage(@PathVariable String participant, @RequestBody JsonNode body) {
		record(Channel.TWITTER, participant, Payloads.text(body, "text"));
		return Map.of("data", Map.of("dm_event_id", "dm" + this.ids.incrementAndGet()));
	}

	@PostMapping("/tg/{bot}/sendMessage")
	Map<String, Object> telegram(@PathVariable String bot, @RequestBody JsonNode body) {
		record(Channel.TELEGRAM, Payloads.text(body, "chat_id"), Payloads.text(body, "text"));
		return Map.of("ok", true, "result", Map.of("message_id", this.ids.incrementAndGet()));
	}

	@PostMapping("/sms/send")
	Map<String, Object> sms(@RequestBody JsonNode body) {
		record(Channel.SMS, Payloads.text(body, "to"), Payloads.text(body, "text"));
		return Map.of("id", "sms-sim-" + this.ids.incrementAndGet());
	}

	/** What went to this recipient on that channel, oldest first. */
	List<Sent> to(Channel channel, String recipient) {
		List<Sent> found = new ArrayList<>();
		for (Sent s : this.sent) {
			if (s.channel() == channel && s.recipient() != null && s.recipient().equals(recipient)) {
				found.add(s);
			}
		}
		return found;
	}

	private void record(Channel channel, String recipient, String text) {
		this.sent.addLast(new Sent(channel, recipient, text, this.clock.instant()));
		while (this.sent.size() > KEPT) {
			this.sent.pollFirst();
		}
	}

}
