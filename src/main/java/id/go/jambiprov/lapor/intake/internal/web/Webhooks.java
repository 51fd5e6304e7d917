package id.go.jambiprov.lapor.intake.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.intake.internal.ChannelSettings;
import id.go.jambiprov.lapor.intake.internal.InboundStore;
import id.go.jambiprov.lapor.intake.internal.Payloads;
import id.go.jambiprov.lapor.intake.internal.Signatures;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.shared.RateLimiter;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' webhooks. Each checks the provider's signature over the raw bytes before
 * reading them (401 and nothing stored when it does not match; 403 for a wrong verify token in
 * Meta's handshake), stores the messages, and answers 200 as soon as they are committed. A
 * channel without its secret configured does not exist (404). A redelivered message answers 200
 * and changes nothing.
 */
@RestController
@RequestMapping("/webhooks")
@Tag(name = "Webhook kanal / Channel webhooks")
class Webhooks {

	/** What X sends as a CRC token: short and opaque (a UUID today), never JSON. */
	private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9._=+/-]{1,128}");

	private final ChannelSettings settings;

	private final InboundStore store;

	private final ChannelMessages replies;

	private final JsonMapper json;

	private final RateLimiter perChannel;

	Webhooks(ChannelSettings settings, InboundStore store, ChannelMessages replies, JsonMapper json) {
		this.settings = settings;
		this.store = store;
		this.replies = replies;
		this.json = json;
		this.perChannel = new RateLimiter(settings.perChannelPerSecond(), Duration.ofSeconds(1));
	}

	// ---- WhatsApp Cloud API ---------------------------------------------------------------

	@GetMapping("/whatsapp")
	@Operation(summary = "Verifikasi webhook WhatsApp / Meta's subscription handshake")
	ResponseEntity<String> whatsAppHandshake(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		return handshake(enabled(this.settings.whatsapp()), mode, token, challenge);
	}

	@PostMapping(path = "/whatsapp", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "Pesan WhatsApp masuk / WhatsApp messages, signed with X-Hub-Signature-256")
	ResponseEntity<Void> whatsApp(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
		ChannelSettings.Meta whatsapp = enabled(this.settings.whatsapp());
		verifyHex(Channel.WHATSAPP, whatsapp.appSecret(), body, signature);
		Payloads.WhatsApp payload = parse(body, Payloads::whatsApp);
		this.store.store(payload.messages());
		payload.statuses()
			.forEach(s -> this.replies.delivered(Channel.WHATSAPP, s.providerMessageId(), s.status(), s.at(), s.error()));
		return ResponseEntity.ok().build();
	}

	// ---- Instagram -------------------------------------------------------------------------

	@GetMapping("/instagram")
	@Operation(summary = "Verifikasi webhook Instagram / Meta's subscription handshake")
	ResponseEntity<String> instagramHandshake(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		return handshake(enabled(this.settings.instagram()), mode, token, challenge);
	}

	@PostMapping(path = "/instagram", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "Pesan, komentar dan mention Instagram / Instagram DMs, comments, mentions")
	ResponseEntity<Void> instagram(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
		ChannelSettings.Meta instagram = enabled(this.settings.instagram());
		verifyHex(Channel.INSTAGRAM, instagram.appSecret(), body, signature);
		this.store.store(parse(body, Payloads::instagram));
		return ResponseEntity.ok().build();
	}

	// ---- X ---------------------------------------------------------------------------------

	@GetMapping(path = "/x", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Jawaban CRC X / X's challenge-response check")
	Map<String, String> xChallenge(@RequestParam(name = "crc_token", required = false) String token) {
		ChannelSettings.X x = enabledX();
		if (token == null || token.isBlank()) {
			throw new InvalidInputException.Collector().add("crc_token", "required").asException();
		}
		// X sends a short opaque token; anything else (a JSON body) would make this answer the
		// signature of a forged webhook call
		if (!CRC_TOKEN.matcher(token).matches()) {
			throw new InvalidInputException.Collector().add("crc_token", "pattern").asException();
		}
		return Map.of("response_token",
				Signatures.sha256Base64(x.consumerSecret(), token.getBytes(StandardCharsets.UTF_8)));
	}

	@PostMapping(path = "/x", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "Mention dan pesan langsung X / X mentions and DMs, signed with x-twitter-webhooks-signature")
	ResponseEntity<Void> x(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "x-twitter-webhooks-signature", required = false) String signature) {
		ChannelSettings.X x = enabledX();
		if (!Signatures.matches(Signatures.sha256Base64(x.consumerSecret(), bytes(body)), signature)) {
			throw badSignature();
		}
		limit(Channel.TWITTER);
		this.store.store(parse(body, root -> {
			// a signed call about another account is not for us
			if (x.userId() == null || !x.userId().equals(Payloads.text(root, "for_user_id"))) {
				throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION,
						"problem.webhook-foreign-account");
			}
			return Payloads.x(root);
		}));
		return ResponseEntity.ok().build();
	}

	// ---- Telegram --------------------------------------------------------------------------

	@PostMapping(path = "/telegram", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "Pesan Telegram / Telegram updates, with X-Telegram-Bot-Api-Secret-Token")
	ResponseEntity<Void> telegram(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret) {
		ChannelSettings.Telegram telegram = this.settings.telegram();
		if (!telegram.enabled()) {
			throw notFound();
		}
		// Telegram signs nothing: the header carries the shared secret itself
		if (!Signatures.matches(telegram.secretToken(), secret)) {
			throw badSignature();
		}
		limit(Channel.TELEGRAM);
		this.store.store(parse(body, Payloads::telegram));
		return ResponseEntity.ok().build();
	}

	// ---- SMS gateway -----------------------------------------------------------------------

	@PostMapping(path = "/sms", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "SMS masuk dari gateway / SMS from an HTTP gateway, X-Signature: sha256=<hex HMAC of the body>")
	ResponseEntity<Void> sms(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Signature", required = false) String signature) {
		ChannelSettings.Sms sms = this.settings.sms();
		if (!sms.enabled()) {
			throw notFound();
		}
		verifyHex(Channel.SMS, sms.secret(), body, signature);
		this.store.store(List.of(parse(body, Payloads::sms)));
		return ResponseEntity.ok().build();
	}

	// ---- shared ----------------------------------------------------------------------------

	private ResponseEntity<String> handshake(ChannelSettings.Meta meta, String mode, String token, String challenge) {
		if (!"subscribe".equals(mode) || challenge == null
				|| !Signatures.matches(meta.verifyToken() == null ? "" : meta.verifyToken(), token)
				|| meta.verifyToken() == null || meta.verifyToken().isBlank()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.webhook-verify-token");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
	}

	private void verifyHex(Channel channel, String secret, byte[] body, String signature) {
		if (!Signatures.matchesHex(Signatures.sha256Hex(secret, bytes(body)), signature)) {
			throw badSignature();
		}
		limit(channel);
	}

	/**
	 * A channel's budget is spent by signed calls only: an unsigned flood is refused before it
	 * (the signature check is a few microseconds) and never starves the provider's own calls.
	 */
	private void limit(Channel channel) {
		this.perChannel.acquire(channel.name());
	}

	private <T> T parse(byte[] body, Function<JsonNode, T> reader) {
		try {
			JsonNode root = this.json.readTree(bytes(body));
			if (root == null || !root.isObject()) {
				throw malformed();
			}
			return reader.apply(root);
		}
		catch (JacksonException | Payloads.Malformed | IllegalArgumentException unreadable) {
			throw malformed();
		}
	}

	private ChannelSettings.Meta enabled(ChannelSettings.Meta meta) {
		if (!meta.enabled()) {
			throw notFound();
		}
		return meta;
	}

	private ChannelSettings.X enabledX() {
		if (!this.settings.x().enabled()) {
			throw notFound();
		}
		return this.settings.x();
	}

	private static byte[] bytes(byte[] body) {
		return body == null ? new byte[0] : body;
	}

	private static ProblemException badSignature() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "problem.webhook-signature");
	}

	private static ProblemException malformed() {
		return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "problem.webhook-malformed");
	}

	private static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.no-resource");
	}

}
