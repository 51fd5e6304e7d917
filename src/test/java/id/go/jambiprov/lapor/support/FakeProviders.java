package id.go.jambiprov.lapor.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.Buffer;

/**
 * The providers' APIs as the service calls them to answer citizens and fetch their photos
 * (WhatsApp Graph API, Instagram, X, Telegram Bot API, an SMS gateway), on one local server.
 * It records every call and answers as the provider does; it can also be down (503) or
 * throttling (429 with Retry-After) to test the retries.
 */
public final class FakeProviders implements AutoCloseable {

	/** A call the service made, with its body as text. */
	public record Call(String method, String path, String authorization, String signature, String body) {
	}

	public enum Mode {

		UP, DOWN, THROTTLING

	}

	private final MockWebServer server = new MockWebServer();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);

	public FakeProviders() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}
		});
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		String base = this.server.url("/").toString();
		return base.substring(0, base.length() - 1) + path;
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** Calls whose path starts with the prefix, oldest first. */
	public List<Call> calls(String pathPrefix) {
		return this.calls.stream().filter(c -> c.path().startsWith(pathPrefix)).toList();
	}

	public void mode(Mode mode) {
		this.mode.set(mode);
	}

	private MockResponse answer(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		this.calls.add(new Call(request.getMethod(), path, request.getHeaders().get("Authorization"),
				request.getHeaders().get("X-Signature"), request.getBody() == null ? "" : request.getBody().utf8()));
		boolean media = path.contains("media") || path.startsWith("/tg/file/") || path.endsWith("/getFile");
		if (!media && this.mode.get() == Mode.DOWN) {
			return json(503, "{\"error\":\"unavailable\"}");
		}
		if (!media && this.mode.get() == Mode.THROTTLING) {
			return new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build();
		}
		int n = this.ids.incrementAndGet();
		String body = request.getBody() == null ? "" : request.getBody().utf8();
		if (path.startsWith("/wa/") && path.endsWith("/messages") && body.contains("\"to\":\"6281999") && !body.contains("template")) {
			// a citizen whose last message is older than WhatsApp's 24-hour window
			return json(400, "{\"error\":{\"message\":\"Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047}}");
		}
		if (path.startsWith("/wa/") && path.endsWith("/messages")) {
			return json(200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.OUT" + n + "\"}]}");
		}
		if (path.contains("MISSING")) {
			return json(404, "{\"error\":{\"message\":\"media not found\"}}");
		}
		if (path.startsWith("/wa/media-")) {
			return png();
		}
		if (path.startsWith("/wa/")) {
			// media id → a short-lived address of the file
			return json(200, "{\"url\":\"" + url("/wa/media-" + path.substring(4)) + "\",\"mime_type\":\"image/png\"}");
		}
		if (path.startsWith("/tg/file/")) {
			return png();
		}
		if (path.endsWith("/getFile")) {
			return json(200, "{\"ok\":true,\"result\":{\"file_id\":\"f\",\"file_path\":\"photos/file_1.png\"}}");
		}
		if (path.startsWith("/tg/")) {
			return json(200, "{\"ok\":true,\"result\":{\"message_id\":" + n + "}}");
		}
		if (path.startsWith("/ig/") && "GET".equals(request.getMethod()) && request.getUrl().queryParameter("fields") != null) {
			return json(200, "{\"mentioned_comment\":{\"text\":\"@pemprovjambi jalan ke Candi Muaro Jambi rusak parah\","
					+ "\"username\":\"warga_muarojambi\",\"timestamp\":\"2026-11-23T00:58:00+0000\"},\"id\":\"1\"}");
		}
		if (path.startsWith("/ig/media-")) {
			return png();
		}
		if (path.startsWith("/ig/")) {
			return json(200, "{\"recipient_id\":\"1\",\"message_id\":\"m_OUT" + n + "\"}");
		}
		if (path.equals("/x/2/tweets")) {
			return json(201, "{\"data\":{\"id\":\"19" + n + "\",\"text\":\"ok\"}}");
		}
		if (path.startsWith("/x/2/dm_conversations/")) {
			return json(201, "{\"data\":{\"dm_conversation_id\":\"c\",\"dm_event_id\":\"dm" + n + "\"}}");
		}
		if (path.equals("/sms/send")) {
			return json(200, "{\"id\":\"sms-out-" + n + "\"}");
		}
		return json(404, "{}");
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
	}

	private static MockResponse png() {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body(new Buffer().write(image()))
			.build();
	}

	/** A small real PNG, as a phone would send. */
	public static byte[] image() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF0000);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
