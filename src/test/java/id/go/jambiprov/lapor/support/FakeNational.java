package id.go.jambiprov.lapor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A national SP4N-LAPOR! on a local port, speaking the bridge's JSON contract as a real server
 * would: it keeps what it was sent (a report once per Idempotency-Key, a step once per key),
 * serves the reports its national admin forwarded and the replies its reporters wrote, each
 * from a cursor, and can be down, or take a call and lose its answer.
 */
public final class FakeNational implements AutoCloseable {

	public static final String TOKEN = "national-test-token";

	public enum Mode {

		UP,
		/** every call answered 503, nothing kept */
		DOWN,
		/** the call is kept, but its answer is lost (a 502 from a proxy) */
		LOSE_ANSWER

	}

	/** A call as it arrived. */
	public record Call(String method, String path, String token, String idempotencyKey, String body) {
	}

	private final MockWebServer server = new MockWebServer();

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, String> reportsByKey = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> stepsByKey = new ConcurrentHashMap<>();

	private final List<String> stepOrder = new CopyOnWriteArrayList<>();

	private final List<String> forwarded = new CopyOnWriteArrayList<>();

	private final List<String> replies = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger(7000);

	public FakeNational() {
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

	public String url() {
		String base = this.server.url("/api/v1").toString();
		return base;
	}

	public void mode(Mode mode) {
		this.mode.set(mode);
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** The reports we filed there: Idempotency-Key (our code) to national id. */
	public Map<String, String> reports() {
		return Map.copyOf(this.reportsByKey);
	}

	/** The steps kept for a national id, in the order they arrived. */
	public List<JsonNode> steps(String nationalId) {
		return this.stepOrder.stream()
			.map(this.stepsByKey::get)
			.filter(step -> step.path("laporan").asString().equals(nationalId))
			.toList();
	}

	/** The national admin forwards a report to the province (a JSON item of /laporan/disposisi). */
	public void forward(String item) {
		this.forwarded.add(item);
	}

	/** A reporter writes a reply there (a JSON item of /tanggapan). */
	public void reply(String item) {
		this.replies.add(item);
	}

	private MockResponse answer(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		String body = request.getBody() == null ? "" : request.getBody().utf8();
		String key = request.getHeaders().get("Idempotency-Key");
		this.calls.add(new Call(request.getMethod(), path, request.getHeaders().get("KEYTOKEN"), key, body));
		if (!TOKEN.equals(request.getHeaders().get("KEYTOKEN"))) {
			return respond(401, "{\"error\":\"KEYTOKEN\"}");
		}
		if (this.mode.get() == Mode.DOWN) {
			return respond(503, "{\"error\":\"pemeliharaan\"}");
		}
		MockResponse answer;
		if (path.equals("/api/v1/laporan/disposisi")) {
			answer = page("laporan", this.forwarded, request.getUrl().queryParameter("sejak"));
		}
		else if (path.equals("/api/v1/tanggapan")) {
			answer = page("tanggapan", this.replies, request.getUrl().queryParameter("sejak"));
		}
		else if (path.equals("/api/v1/laporan") && "POST".equals(request.getMethod())) {
			String id = this.reportsByKey.computeIfAbsent(key, k -> "LAPOR-" + this.ids.incrementAndGet());
			answer = respond(201, "{\"id\":\"" + id + "\",\"transaksi\":\"TRX-" + id + "\"}");
		}
		else if (path.startsWith("/api/v1/laporan/") && path.endsWith("/status")) {
			String nationalId = path.substring("/api/v1/laporan/".length(), path.length() - "/status".length());
			if (!this.reportsByKey.containsValue(nationalId) && this.forwarded.stream().noneMatch(f -> f.contains(nationalId))) {
				return respond(404, "{\"error\":\"laporan tidak ada\"}");
			}
			if (this.stepsByKey.putIfAbsent(key,
					((tools.jackson.databind.node.ObjectNode) this.json.readTree(body)).put("laporan", nationalId)) == null) {
				this.stepOrder.add(key);
			}
			answer = respond(204, "");
		}
		else {
			answer = respond(404, "{}");
		}
		return this.mode.get() == Mode.LOSE_ANSWER ? respond(502, "<html>Bad Gateway</html>") : answer;
	}

	private MockResponse page(String field, List<String> items, String since) {
		int from = since == null ? 0 : Integer.parseInt(since);
		List<String> fresh = items.subList(Math.min(from, items.size()), items.size());
		return respond(200, "{\"" + field + "\":[" + String.join(",", fresh) + "],\"berikutnya\":\"" + (from + fresh.size())
				+ "\"}");
	}

	private static MockResponse respond(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
