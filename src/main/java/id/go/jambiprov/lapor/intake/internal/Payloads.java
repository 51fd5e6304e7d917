package id.go.jambiprov.lapor.intake.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.go.jambiprov.lapor.intake.internal.InboundMessage.Kind;
import id.go.jambiprov.lapor.report.Channel;

import tools.jackson.databind.JsonNode;

/**
 * The providers' JSON, reduced to {@link InboundMessage}s (formats: ../shared/reference/channels.md).
 * What is not a citizen's message (delivery statuses, our own echoes, edits, typing) yields
 * nothing; a message type we cannot read yields a message of kind {@code OTHER}, so the sender
 * is told what we can read.
 */
public final class Payloads {

	/** A WhatsApp delivery status of a message we sent. */
	public record Status(String providerMessageId, String status, Instant at, String error) {
	}

	public record WhatsApp(List<InboundMessage> messages, List<Status> statuses) {
	}

	private Payloads() {
	}

	public static WhatsApp whatsApp(JsonNode root) {
		require(root, "object", "whatsapp_business_account");
		List<InboundMessage> messages = new ArrayList<>();
		List<Status> statuses = new ArrayList<>();
		for (JsonNode entry : array(root, "entry")) {
			for (JsonNode change : array(entry, "changes")) {
				JsonNode value = change.path("value");
				Map<String, String> names = new HashMap<>();
				for (JsonNode contact : array(value, "contacts")) {
					names.put(text(contact, "wa_id"), text(contact.path("profile"), "name"));
				}
				for (JsonNode m : array(value, "messages")) {
					String type = text(m, "type");
					String from = required(m, "from");
					String id = required(m, "id");
					Instant at = seconds(text(m, "timestamp"));
					String name = names.get(from);
					JsonNode media = type == null ? null : m.path(type);
					InboundMessage message = switch (type == null ? "" : type) {
						case "text" -> InboundMessage.text(Channel.WHATSAPP, id, from, name, text(m.path("text"), "body"), at);
						case "image", "document" -> new InboundMessage(Channel.WHATSAPP, id, from, name,
								"image".equals(type) ? Kind.IMAGE : Kind.DOCUMENT, text(media, "caption"), text(media, "id"),
								text(media, "mime_type"), text(media, "filename"), null, null, null, at);
						case "location" -> new InboundMessage(Channel.WHATSAPP, id, from, name, Kind.LOCATION,
								joined(text(media, "name"), text(media, "address")), null, null, null,
								number(media, "latitude"), number(media, "longitude"), null, at);
						case "interactive" -> InboundMessage.text(Channel.WHATSAPP, id, from, name,
								firstOf(text(media.path("button_reply"), "title"), text(media.path("list_reply"), "title")), at);
						case "button" -> InboundMessage.text(Channel.WHATSAPP, id, from, name, text(media, "text"), at);
						case "reaction" -> null;
						default -> new InboundMessage(Channel.WHATSAPP, id, from, name, Kind.OTHER, null, null, type, null,
								null, null, null, at);
					};
					if (message != null) {
						messages.add(message.withContext(text(m.path("context"), "id")));
					}
				}
				for (JsonNode s : array(value, "statuses")) {
					JsonNode error = s.path("errors").path(0);
					statuses.add(new Status(required(s, "id"), text(s, "status"), seconds(text(s, "timestamp")),
							error.isMissingNode() ? null : joined(text(error, "code"), text(error, "title"))));
				}
			}
		}
		return new WhatsApp(messages, statuses);
	}

	public static List<InboundMessage> instagram(JsonNode root) {
		require(root, "object", "instagram");
		List<InboundMessage> messages = new ArrayList<>();
		for (JsonNode entry : array(root, "entry")) {
			String account = text(entry, "id");
			for (JsonNode event : array(entry, "messaging")) {
				JsonNode message = event.path("message");
				String sender = text(event.path("sender"), "id");
				if (message.isMissingNode() || message.path("is_echo").asBoolean(false)
						|| message.path("is_deleted").asBoolean(false) || sender == null || sender.equals(account)) {
					continue;
				}
				Instant at = millis(event.path("timestamp"));
				JsonNode attachment = message.path("attachments").path(0);
				String type = text(attachment, "type");
				if (!attachment.isMissingNode() && ("image".equals(type) || "file".equals(type))) {
					messages.add(new InboundMessage(Channel.INSTAGRAM, required(message, "mid"), sender, null,
							"image".equals(type) ? Kind.IMAGE : Kind.DOCUMENT, text(message, "text"),
							text(attachment.path("payload"), "url"), null, null, null, null, null, at));
				}
				else if (text(message, "text") != null) {
					messages.add(InboundMessage.text(Channel.INSTAGRAM, required(message, "mid"), sender, null,
							text(message, "text"), at));
				}
				else {
					messages.add(new InboundMessage(Channel.INSTAGRAM, required(message, "mid"), sender, null, Kind.OTHER,
							null, null, type, null, null, null, null, at));
				}
			}
			for (JsonNode change : array(entry, "changes")) {
				String field = text(change, "field");
				JsonNode value = change.path("value");
				if ("comments".equals(field) || "live_comments".equals(field)) {
					JsonNode from = value.path("from");
					if (account != null && account.equals(text(from, "id"))) {
						continue; // our own reply
					}
					messages.add(new InboundMessage(Channel.INSTAGRAM, "comment:" + required(value, "id"),
							required(from, "id"), username(text(from, "username")), Kind.COMMENT, text(value, "text"), null,
							null, null, null, null, null, millis(entry.path("time"))));
				}
				else if ("mentions".equals(field)) {
					String comment = text(value, "comment_id");
					String media = required(value, "media_id");
					messages.add(new InboundMessage(Channel.INSTAGRAM, "mention:" + (comment != null ? comment : media),
							"media:" + media, null, Kind.MENTION, null, comment, null, null, null, null, null,
							millis(entry.path("time"))));
				}
			}
		}
		return messages;
	}

	public static List<InboundMessage> x(JsonNode root) {
		String self = text(root, "for_user_id");
		List<InboundMessage> messages = new ArrayList<>();
		for (JsonNode tweet : array(root, "tweet_create_events")) {
			JsonNode user = tweet.path("user");
			String userId = required(user, "id_str");
			if (userId.equals(self)) {
				continue; // our own tweet
			}
			String text = tweet.path("truncated").asBoolean(false)
					? text(tweet.path("extended_tweet"), "full_text") : text(tweet, "text");
			String ms = text(tweet, "timestamp_ms");
			messages.add(new InboundMessage(Channel.TWITTER, required(tweet, "id_str"), userId,
					username(text(user, "screen_name")), Kind.MENTION, text, null, null, null, null, null,
					text(tweet, "in_reply_to_status_id_str"), ms == null ? null : Instant.ofEpochMilli(Long.parseLong(ms))));
		}
		JsonNode users = root.path("users");
		for (JsonNode event : array(root, "direct_message_events")) {
			if (!"message_create".equals(text(event, "type"))) {
				continue;
			}
			JsonNode create = event.path("message_create");
			String sender = required(create, "sender_id");
			if (sender.equals(self)) {
				continue; // our own DM
			}
			String ms = text(event, "created_timestamp");
			messages.add(new InboundMessage(Channel.TWITTER, "dm:" + required(event, "id"), sender,
					username(text(users.path(sender), "screen_name")), Kind.TEXT,
					text(create.path("message_data"), "text"), null, null, null, null, null, null,
					ms == null ? null : Instant.ofEpochMilli(Long.parseLong(ms))));
		}
		return messages;
	}

	public static List<InboundMessage> telegram(JsonNode update) {
		String updateId = required(update, "update_id");
		JsonNode m = update.path("message");
		if (m.isMissingNode()) {
			return List.of(); // edits, channel posts, callbacks: nothing a citizen files
		}
		JsonNode chat = m.path("chat");
		if (!"private".equals(text(chat, "type"))) {
			return List.of();
		}
		JsonNode from = m.path("from");
		String name = joined(text(from, "first_name"), text(from, "last_name"));
		String chatId = required(chat, "id");
		Instant at = seconds(text(m, "date"));
		String id = "update:" + updateId;
		if (m.has("photo")) {
			JsonNode largest = m.path("photo").path(m.path("photo").size() - 1);
			return List.of(new InboundMessage(Channel.TELEGRAM, id, chatId, name, Kind.IMAGE, text(m, "caption"),
					text(largest, "file_id"), "image/jpeg", null, null, null, null, at));
		}
		if (m.has("document")) {
			JsonNode document = m.path("document");
			return List.of(new InboundMessage(Channel.TELEGRAM, id, chatId, name, Kind.DOCUMENT, text(m, "caption"),
					text(document, "file_id"), text(document, "mime_type"), text(document, "file_name"), null, null, null,
					at));
		}
		if (m.has("location")) {
			JsonNode location = m.path("location");
			return List.of(new InboundMessage(Channel.TELEGRAM, id, chatId, name, Kind.LOCATION, null, null, null, null,
					number(location, "latitude"), number(location, "longitude"), null, at));
		}
		if (m.has("text")) {
			return List.of(InboundMessage.text(Channel.TELEGRAM, id, chatId, name, text(m, "text"), at));
		}
		return List.of(new InboundMessage(Channel.TELEGRAM, id, chatId, name, Kind.OTHER, null, null, null, null, null,
				null, null, at));
	}

	/** Our generic SMS gateway: {@code {"id","from","text","receivedAt"}}. */
	public static InboundMessage sms(JsonNode root) {
		String receivedAt = text(root, "receivedAt");
		Instant at;
		try {
			at = receivedAt == null ? null : Instant.parse(receivedAt);
		}
		catch (RuntimeException ex) {
			throw new Malformed("receivedAt");
		}
		String text = root.path("text").isNull() ? "" : text(root, "text");
		return InboundMessage.text(Channel.SMS, required(root, "id"), required(root, "from"), null,
				text == null ? "" : text, at);
	}

	/** A payload that is JSON but not what the provider sends. */
	public static final class Malformed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Malformed(String field) {
			super(field);
		}

	}

	private static void require(JsonNode root, String field, String expected) {
		if (!expected.equals(text(root, field))) {
			throw new Malformed(field);
		}
	}

	private static Iterable<JsonNode> array(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new Malformed(field);
		}
		return value;
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			throw new Malformed(field);
		}
		return value;
	}

	public static String text(JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

	private static Double number(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.path(field);
		return value != null && value.isNumber() ? value.asDouble() : null;
	}

	private static Instant seconds(String value) {
		try {
			return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Instant millis(JsonNode node) {
		return node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : null;
	}

	private static String username(String name) {
		return name == null ? null : "@" + name;
	}

	private static String joined(String first, String second) {
		if (first == null) {
			return second;
		}
		return second == null ? first : first + " " + second;
	}

	private static String firstOf(String first, String second) {
		return first != null ? first : second;
	}

}
