package id.go.jambiprov.lapor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The providers' side of the webhooks: builds each provider's exact payload, signs those bytes
 * with the provider's algorithm and secret, and posts them to the running service over HTTP.
 * Non-ASCII text is written as {@code \\uXXXX} escapes, as Meta sends it.
 */
public final class ChannelClients {

	public static final String WHATSAPP_SECRET = "test_app_secret";

	public static final String WHATSAPP_VERIFY = "meatyhamhock";

	public static final String WHATSAPP_PHONE_ID = "106540352242922";

	public static final String INSTAGRAM_SECRET = "ig_app_secret";

	public static final String INSTAGRAM_ACCOUNT = "17841400000000000";

	/** The consumer secret of the official CRC vector (channels.md §4). */
	public static final String X_SECRET = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu";

	public static final String X_SELF = "2244994945";

	public static final String TELEGRAM_SECRET = "tg-secret_0123456789";

	public static final String TELEGRAM_BOT = "123456:ABC-DEF";

	public static final String SMS_SECRET = "sms-gateway-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public ChannelClients(String base) {
		this.base = base;
	}

	public record Answer(int status, String body) {
	}

	// ---- payloads ---------------------------------------------------------------------------

	public static String whatsAppText(String id, String from, String name, String text, long epochSeconds) {
		return whatsAppMessage(from, name, "{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\"" + epochSeconds
				+ "\",\"type\":\"text\",\"text\":{\"body\":\"" + escape(text) + "\"}}");
	}

	public static String whatsAppImage(String id, String from, String mediaId, String caption, long epochSeconds) {
		return whatsAppMessage(from, "Budi", "{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\""
				+ epochSeconds + "\",\"type\":\"image\",\"image\":{\"id\":\"" + mediaId
				+ "\",\"mime_type\":\"image/png\",\"sha256\":\"x\",\"caption\":\"" + escape(caption) + "\"}}");
	}

	public static String whatsAppOfType(String id, String from, String type, long epochSeconds) {
		return whatsAppMessage(from, "Budi", "{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\""
				+ epochSeconds + "\",\"type\":\"" + type + "\",\"" + type + "\":{}}");
	}

	public static String whatsAppStatus(String providerId, String status, String recipient) {
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
				+ "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"6281100001708\","
				+ "\"phone_number_id\":\"" + WHATSAPP_PHONE_ID + "\"},\"statuses\":[{\"id\":\"" + providerId + "\",\"status\":\""
				+ status + "\",\"timestamp\":\"1730000100\",\"recipient_id\":\"" + recipient + "\"}]},\"field\":\"messages\"}]}]}";
	}

	/** One delivery with one or more messages (their JSON objects, comma-separated). */
	public static String whatsAppMessage(String from, String name, String message) {
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
				+ "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"6281100001708\","
				+ "\"phone_number_id\":\"" + WHATSAPP_PHONE_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"" + escape(name)
				+ "\"},\"wa_id\":\"" + from + "\"}],\"messages\":[" + message + "]},\"field\":\"messages\"}]}]}";
	}

	public static String instagramDirect(String mid, String sender, String text, boolean echo) {
		return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + INSTAGRAM_ACCOUNT + "\",\"time\":1730000000000,"
				+ "\"messaging\":[{\"sender\":{\"id\":\"" + (echo ? INSTAGRAM_ACCOUNT : sender) + "\"},\"recipient\":{\"id\":\""
				+ (echo ? sender : INSTAGRAM_ACCOUNT) + "\"},\"timestamp\":1730000000000,\"message\":{\"mid\":\"" + mid
				+ "\",\"text\":\"" + escape(text) + "\"" + (echo ? ",\"is_echo\":true" : "") + "}}]}]}";
	}

	public static String instagramComment(String commentId, String fromId, String username, String text) {
		return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + INSTAGRAM_ACCOUNT + "\",\"time\":1730000000000,"
				+ "\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"" + commentId + "\",\"text\":\"" + escape(text)
				+ "\",\"from\":{\"id\":\"" + fromId + "\",\"username\":\"" + username + "\"},\"media\":{\"id\":\"m1\","
				+ "\"media_product_type\":\"FEED\"}}}]}]}";
	}

	public static String instagramMention(String commentId, String mediaId) {
		return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + INSTAGRAM_ACCOUNT + "\",\"time\":1730000000000,"
				+ "\"changes\":[{\"field\":\"mentions\",\"value\":{\"media_id\":\"" + mediaId + "\",\"comment_id\":\""
				+ commentId + "\"}}]}]}";
	}

	public static String xMention(String tweetId, String userId, String screenName, String text) {
		return "{\"for_user_id\":\"" + X_SELF + "\",\"tweet_create_events\":[{\"id_str\":\"" + tweetId + "\",\"text\":\""
				+ escape(text) + "\",\"timestamp_ms\":\"1730000000000\",\"user\":{\"id_str\":\"" + userId
				+ "\",\"screen_name\":\"" + screenName + "\"}}]}";
	}

	public static String xDirect(String eventId, String senderId, String screenName, String text) {
		return "{\"for_user_id\":\"" + X_SELF + "\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\""
				+ eventId + "\",\"created_timestamp\":\"1730000000000\",\"message_create\":{\"target\":{\"recipient_id\":\""
				+ X_SELF + "\"},\"sender_id\":\"" + senderId + "\",\"message_data\":{\"text\":\"" + escape(text)
				+ "\"}}}],\"users\":{\"" + senderId + "\":{\"id\":\"" + senderId + "\",\"screen_name\":\"" + screenName
				+ "\"}}}";
	}

	public static String telegramText(long updateId, long chatId, String firstName, String text) {
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId % 1000) + ",\"from\":{\"id\":"
				+ chatId + ",\"is_bot\":false,\"first_name\":\"" + escape(firstName) + "\"},\"chat\":{\"id\":" + chatId
				+ ",\"type\":\"private\"},\"date\":1730000000,\"text\":\"" + escape(text) + "\"}}";
	}

	public static String telegramPhoto(long updateId, long chatId, String caption) {
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":1,\"from\":{\"id\":" + chatId
				+ ",\"is_bot\":false,\"first_name\":\"Sari\"},\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},"
				+ "\"date\":1730000000,\"photo\":[{\"file_id\":\"small\",\"file_unique_id\":\"s\",\"width\":90,\"height\":60},"
				+ "{\"file_id\":\"large\",\"file_unique_id\":\"l\",\"width\":1280,\"height\":960}],\"caption\":\""
				+ escape(caption) + "\"}}";
	}

	public static String sms(String id, String from, String text) {
		return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"text\":" + (text == null ? "null" : "\"" + escape(text) + "\"")
				+ ",\"receivedAt\":\"2026-11-23T00:59:30Z\"}";
	}

	// ---- signing and posting ----------------------------------------------------------------

	public Answer whatsApp(String body) {
		return post("/webhooks/whatsapp", body, "X-Hub-Signature-256", hex(WHATSAPP_SECRET, body));
	}

	public Answer instagram(String body) {
		return post("/webhooks/instagram", body, "X-Hub-Signature-256", hex(INSTAGRAM_SECRET, body));
	}

	public Answer x(String body) {
		return post("/webhooks/x", body, "x-twitter-webhooks-signature", base64(X_SECRET, body));
	}

	public Answer telegram(String body) {
		return post("/webhooks/telegram", body, "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
	}

	public Answer sms(String body) {
		return post("/webhooks/sms", body, "X-Signature", hex(SMS_SECRET, body));
	}

	public Answer post(String path, String body, String header, String value) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (header != null) {
			request.header(header, value);
		}
		return send(request.build());
	}

	public Answer get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).GET().build());
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String hex(String secret, String body) {
		return "sha256=" + HexFormat.of().formatHex(mac(secret, body));
	}

	public static String base64(String secret, String body) {
		return "sha256=" + Base64.getEncoder().encodeToString(mac(secret, body));
	}

	private static byte[] mac(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** JSON string content with non-ASCII as \\uXXXX, the way Meta writes it. */
	public static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c == '\n') {
				out.append("\\n");
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
