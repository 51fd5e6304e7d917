package id.go.jambiprov.lapor.intake.internal;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import id.go.jambiprov.lapor.report.ChannelReports.File;

import id.go.jambiprov.lapor.shared.Redaction;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Fetches the photo or document a message points to, from the provider that holds it: WhatsApp
 * (media id → short-lived address, both with the access token), Telegram (file id → file path
 * under the bot token) and Instagram (a CDN address). A provider that fails throws, so the
 * message is tried again later.
 */
@Component
class MediaFetcher {

	/** The largest file we take, as for uploads on the form. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final ChannelSettings settings;

	private final RestClient http;

	MediaFetcher(ChannelSettings settings) {
		this.settings = settings;
		this.http = RestClient.builder().requestFactory(requestFactory()).build();
	}

	Optional<File> fetch(InboundMessage message) {
		return switch (message.channel()) {
			case WHATSAPP -> whatsApp(message);
			case TELEGRAM -> telegram(message);
			case INSTAGRAM -> Optional.of(new File(name(message, "instagram"),
					download(this.http.get().uri(allowed(message.mediaRef(), this.settings.instagram().apiBase(),
							META_MEDIA_HOSTS)))));
			default -> Optional.empty();
		};
	}

	/** What an Instagram mention in a comment says and who wrote it (the webhook carries only ids). */
	record Mention(String text, String username) {
	}

	Optional<Mention> instagramMention(String commentId) {
		ChannelSettings.Meta instagram = this.settings.instagram();
		if (!ChannelSettings.present(instagram.accessToken()) || !ChannelSettings.present(instagram.accountId())) {
			return Optional.empty();
		}
		JsonNode answer = this.http.get()
			.uri(URI.create(instagram.apiBase() + "/" + instagram.accountId() + "?fields="
					+ URLEncoder.encode("mentioned_comment.comment_id(" + commentId + "){text,username}",
							StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + instagram.accessToken())
			.retrieve()
			.body(JsonNode.class);
		JsonNode comment = answer == null ? null : answer.path("mentioned_comment");
		String text = comment == null ? null : Payloads.text(comment, "text");
		return text == null ? Optional.empty() : Optional.of(new Mention(text, Payloads.text(comment, "username")));
	}

	private Optional<File> whatsApp(InboundMessage message) {
		ChannelSettings.Meta whatsapp = this.settings.whatsapp();
		if (!ChannelSettings.present(whatsapp.accessToken())) {
			return Optional.empty();
		}
		String bearer = "Bearer " + whatsapp.accessToken();
		JsonNode info = this.http.get()
			.uri(whatsapp.apiBase() + "/{id}", message.mediaRef())
			.header("Authorization", bearer)
			.retrieve()
			.body(JsonNode.class);
		String url = info == null ? null : Payloads.text(info, "url");
		if (url == null) {
			return Optional.empty();
		}
		byte[] bytes = download(
				this.http.get().uri(allowed(url, whatsapp.apiBase(), META_MEDIA_HOSTS)).header("Authorization", bearer));
		return Optional.of(new File(name(message, "whatsapp"), bytes));
	}

	private Optional<File> telegram(InboundMessage message) {
		ChannelSettings.Telegram telegram = this.settings.telegram();
		if (!ChannelSettings.present(telegram.botToken())) {
			return Optional.empty();
		}
		JsonNode file = this.http.get()
			// the bot token goes into the path as it is (its colon must not be encoded)
			.uri(URI.create(telegram.apiBase() + "/bot" + telegram.botToken() + "/getFile?file_id="
					+ URLEncoder.encode(message.mediaRef(), StandardCharsets.UTF_8)))
			.retrieve()
			.body(JsonNode.class);
		String path = file == null ? null : Payloads.text(file.path("result"), "file_path");
		if (path == null) {
			return Optional.empty();
		}
		byte[] bytes = download(
				this.http.get().uri(URI.create(telegram.apiBase() + "/file/bot" + telegram.botToken() + "/" + path)));
		return Optional.of(new File(name(message, "telegram"), bytes));
	}

	/** Where Meta serves WhatsApp and Instagram media from (its CDNs). */
	static final List<String> META_MEDIA_HOSTS = List.of("fbsbx.com", "fbcdn.net", "cdninstagram.com", "whatsapp.net");

	/**
	 * Media are fetched only from the provider: its configured API host, or over https from one
	 * of its media hosts; never from an address a payload names freely (that would let anyone
	 * make the service call into the data centre's own network).
	 */
	static URI allowed(String address, String apiBase, List<String> mediaHosts) {
		URI uri;
		try {
			uri = URI.create(address);
		}
		catch (IllegalArgumentException unparsable) {
			throw new ForbiddenHost(address);
		}
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
		URI api = URI.create(apiBase);
		boolean provider = host.equalsIgnoreCase(api.getHost()) && uri.getPort() == api.getPort()
				&& String.valueOf(uri.getScheme()).equalsIgnoreCase(api.getScheme());
		boolean media = "https".equalsIgnoreCase(uri.getScheme())
				&& mediaHosts.stream().anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
		if (!provider && !media) {
			throw new ForbiddenHost(address);
		}
		return uri;
	}

	/** A media address outside the provider's hosts: refused, never fetched, not retried. */
	static final class ForbiddenHost extends RuntimeException {

		ForbiddenHost(String address) {
			super("media address outside the provider's hosts: " + Redaction.redact(
					address.length() > 100 ? address.substring(0, 100) : address), null, false, false);
		}

	}

	/** A file the provider offers that is larger than we keep: not fetched further, not retried. */
	static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("media larger than " + MAX_BYTES + " bytes", null, false, false);
		}

	}

	/**
	 * Reads a download as a stream and stops past {@link #MAX_BYTES}: a provider (or anyone
	 * who names an address) cannot make the worker hold more than that in memory.
	 */
	private static byte[] download(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((sent, response) -> {
			if (response.getStatusCode().isError()) {
				throw HttpClientErrorException.create(response.getStatusCode(), response.getStatusText(),
						response.getHeaders(), new byte[0], StandardCharsets.UTF_8);
			}
			if (response.getHeaders().getContentLength() > MAX_BYTES) {
				throw new TooLarge();
			}
			try (InputStream in = response.getBody()) {
				byte[] bytes = in.readNBytes(MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					throw new TooLarge();
				}
				return bytes;
			}
		});
	}

	/** Connect within 5 s, an answer within 20 s: a slow provider must not hold the worker. */
	private static JdkClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		factory.setReadTimeout(Duration.ofSeconds(20));
		return factory;
	}

	private static String name(InboundMessage message, String channel) {
		if (message.mediaName() != null) {
			return message.mediaName();
		}
		return channel + (message.kind() == InboundMessage.Kind.IMAGE ? "-foto" : "-dokumen");
	}

}
