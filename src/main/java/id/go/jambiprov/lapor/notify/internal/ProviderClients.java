package id.go.jambiprov.lapor.notify.internal;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.shared.RateLimiter;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one text to one person through a provider's API (formats: ../shared/reference/channels.md)
 * and returns the provider's id of the message. Each channel has a rate of its own below the
 * provider's limit; a provider's 429 becomes {@link RetryLater} with its wait.
 */
@Component
class ProviderClients {

	/** The provider asked us to wait (429), or our own rate for it is used up. */
	static final class RetryLater extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Duration wait;

		RetryLater(Duration wait, String reason) {
			super(reason);
			this.wait = wait;
		}

		Duration waitFor() {
			return this.wait;
		}

	}

	private final ProviderSettings settings;

	private final RestClient http;

	private final JsonMapper json;

	private final GammuOutbox gammu;

	private final Map<Channel, RateLimiter> rates = new EnumMap<>(Channel.class);

	private final Environment environment;

	ProviderClients(ProviderSettings settings, JsonMapper json, GammuOutbox gammu, Environment environment) {
		this.environment = environment;
		this.settings = settings;
		this.http = RestClient.builder().requestFactory(requestFactory()).build();
		this.json = json;
		this.gammu = gammu;
		this.rates.put(Channel.WHATSAPP, new RateLimiter(settings.whatsapp().perSecond(), Duration.ofSeconds(1)));
		this.rates.put(Channel.INSTAGRAM, new RateLimiter(settings.instagram().perSecond(), Duration.ofSeconds(1)));
		this.rates.put(Channel.TWITTER, new RateLimiter(settings.x().perSecond(), Duration.ofSeconds(1)));
		this.rates.put(Channel.TELEGRAM, new RateLimiter(settings.telegram().perSecond(), Duration.ofSeconds(1)));
		this.rates.put(Channel.SMS, new RateLimiter(settings.sms().perSecond(), Duration.ofSeconds(1)));
	}

	/** Connect within 5 s, an answer within 20 s: a slow provider must not hold the worker. */
	private static JdkClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		factory.setReadTimeout(Duration.ofSeconds(20));
		return factory;
	}

	boolean canSend(Channel channel) {
		return switch (channel) {
			case WHATSAPP -> ProviderSettings.present(this.settings.whatsapp().accessToken())
					&& ProviderSettings.present(this.settings.whatsapp().phoneNumberId());
			case INSTAGRAM -> ProviderSettings.present(this.settings.instagram().accessToken())
					&& ProviderSettings.present(this.settings.instagram().accountId());
			case TWITTER -> ProviderSettings.present(this.settings.x().bearerToken());
			case TELEGRAM -> ProviderSettings.present(this.settings.telegram().botToken());
			case SMS -> ProviderSettings.present(this.settings.sms().sendUrl()) || this.gammu.enabled();
			default -> false;
		};
	}

	/** @return the provider's id of the sent message */
	String send(Channel channel, String recipient, String text, String replyTo) {
		RateLimiter rate = this.rates.get(channel);
		if (rate != null && !rate.tryAcquire("send")) {
			throw new RetryLater(Duration.ofSeconds(1), "own rate limit for " + channel);
		}
		try {
			return switch (channel) {
				case WHATSAPP -> whatsApp(recipient, text, replyTo);
				case INSTAGRAM -> instagram(recipient, text, replyTo);
				case TWITTER -> x(recipient, text, replyTo);
				case TELEGRAM -> telegram(recipient, text);
				case SMS -> sms(recipient, text);
				default -> throw new IllegalArgumentException("No provider sends on " + channel);
			};
		}
		catch (RestClientResponseException refused) {
			if (refused.getStatusCode().value() == 429) {
				throw new RetryLater(retryAfter(refused), "429 from " + channel);
			}
			throw refused;
		}
	}

	private String whatsApp(String to, String text, String replyTo) {
		ProviderSettings.Api api = this.settings.whatsapp();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", to);
		body.put("type", "text");
		body.put("text", Map.of("body", text, "preview_url", false));
		if (replyTo != null) {
			body.put("context", Map.of("message_id", replyTo));
		}
		String url = base(api.apiBase()) + "/" + api.phoneNumberId() + "/messages";
		try {
			return post(url, api.accessToken(), body).path("messages").path(0).path("id").asString();
		}
		catch (RestClientResponseException refused) {
			// outside the 24-hour window WhatsApp takes only an approved template (error 131047)
			if (!refused.getResponseBodyAsString().contains("131047") || !ProviderSettings.present(api.updateTemplate())) {
				throw refused;
			}
			Map<String, Object> template = Map.of("name", api.updateTemplate(), "language",
					Map.of("code", api.templateLanguage()), "components", List.of(Map.of("type", "body", "parameters",
							List.of(Map.of("type", "text", "text", text)))));
			return post(url, api.accessToken(), Map.of("messaging_product", "whatsapp", "to", to, "type", "template",
					"template", template)).path("messages").path(0).path("id").asString();
		}
	}

	private String instagram(String to, String text, String replyTo) {
		ProviderSettings.Api api = this.settings.instagram();
		// a comment gets a private reply to its author; a direct message an answer in the thread
		Map<String, Object> recipient = replyTo != null ? Map.of("comment_id", replyTo) : Map.of("id", to);
		JsonNode answer = post(base(api.apiBase()) + "/" + api.accountId() + "/messages", api.accessToken(),
				Map.of("recipient", recipient, "message", Map.of("text", text)));
		return answer.path("message_id").asString();
	}

	private String x(String to, String text, String replyTo) {
		ProviderSettings.XApi api = this.settings.x();
		if (replyTo != null) {
			JsonNode answer = post(base(api.apiBase()) + "/2/tweets", api.bearerToken(),
					Map.of("text", text, "reply", Map.of("in_reply_to_tweet_id", replyTo)));
			return answer.path("data").path("id").asString();
		}
		JsonNode answer = post(base(api.apiBase()) + "/2/dm_conversations/with/" + to + "/messages", api.bearerToken(),
				Map.of("text", text));
		return answer.path("data").path("dm_event_id").asString();
	}

	private String telegram(String chat, String text) {
		ProviderSettings.TelegramApi api = this.settings.telegram();
		JsonNode answer = post(base(api.apiBase()) + "/bot" + api.botToken() + "/sendMessage", null,
				Map.of("chat_id", chat, "text", text));
		return answer.path("result").path("message_id").asString();
	}

	private String sms(String to, String text) {
		ProviderSettings.SmsApi api = this.settings.sms();
		if (!ProviderSettings.present(api.sendUrl())) {
			return this.gammu.queue(to, text);
		}
		byte[] body = this.json.writeValueAsBytes(Map.of("to", to, "text", text));
		JsonNode answer = this.http.post()
			.uri(base(api.sendUrl()))
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Signature", "sha256=" + hmacHex(api.secret(), body))
			.body(body)
			.retrieve()
			.body(JsonNode.class);
		return answer == null ? null : answer.path("id").asString();
	}

	private JsonNode post(String url, String bearer, Object body) {
		RestClient.RequestBodySpec request = this.http.post().uri(url).contentType(MediaType.APPLICATION_JSON);
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		JsonNode answer = request.body(this.json.writeValueAsBytes(body)).retrieve().body(JsonNode.class);
		if (answer == null) {
			throw new IllegalStateException("Empty answer from " + url.replaceAll("/bot[^/]+/", "/bot…/"));
		}
		return answer;
	}

	/** An address starting with "/" is this service's own (the demo's simulated providers). */
	private String base(String address) {
		if (address.startsWith("/")) {
			return "http://localhost:" + this.environment.getProperty("local.server.port", "8080") + address;
		}
		return address;
	}

	private Duration retryAfter(RestClientResponseException refused) {
		String header = refused.getResponseHeaders() == null ? null
				: refused.getResponseHeaders().getFirst("Retry-After");
		long seconds = 30;
		try {
			if (header != null) {
				seconds = Long.parseLong(header.strip());
			}
			else {
				JsonNode body = this.json.readTree(refused.getResponseBodyAsByteArray());
				seconds = body.path("parameters").path("retry_after").asLong(30);
			}
		}
		catch (RuntimeException unreadable) {
			// keep the default
		}
		return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
	}

	static String hmacHex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (java.security.GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	static boolean isClientError(HttpStatusCode status) {
		return status.is4xxClientError() && status.value() != 429;
	}

}
