package id.go.jambiprov.lapor.national.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national API as this bridge defines it (README, "National bridge"): JSON over HTTPS, the
 * token in the {@code KEYTOKEN} header, every write with an {@code Idempotency-Key} so that a
 * call repeated after a lost answer files nothing twice.
 * <ul>
 * <li>{@code GET /laporan/disposisi?instansi=&sejak=}: reports forwarded to us;</li>
 * <li>{@code POST /laporan}: file one of ours, answering {@code {"id", "transaksi"}};</li>
 * <li>{@code POST /laporan/{id}/status}: a step of a bridged report;</li>
 * <li>{@code GET /tanggapan?instansi=&sejak=}: replies reporters wrote there.</li>
 * </ul>
 */
class HttpNationalSystem implements NationalSystem {

	private final NationalSettings settings;

	private final RestClient http;

	private final JsonMapper json;

	HttpNationalSystem(NationalSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.http = settings.http();
	}

	@Override
	public Capabilities capabilities() {
		return new Capabilities(true, true, true);
	}

	@Override
	public Page<Forwarded> forwarded(@Nullable String cursor) {
		JsonNode answer = get("/laporan/disposisi", cursor);
		List<Forwarded> items = new ArrayList<>();
		for (JsonNode item : answer.path("laporan")) {
			JsonNode location = item.path("lokasi");
			JsonNode reporter = item.path("pelapor");
			items.add(new Forwarded(required(item, "id"), text(item, "transaksi"), required(item, "judul"),
					text(item, "isi"), text(item, "kategori"), text(location, "alamat"), number(location, "lat"),
					number(location, "lng"), item.path("anonim").asBoolean(false), item.path("rahasia").asBoolean(false),
					text(reporter, "nama"), text(reporter, "email"), text(reporter, "telepon"),
					instant(required(item, "dibuat")), instant(required(item, "didisposisikan"))));
		}
		return new Page<>(items, text(answer, "berikutnya"));
	}

	@Override
	public Filed push(Report report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("instansi", this.settings.agencyId());
		body.put("kode_lokal", report.trackingCode());
		body.put("jenis", report.type());
		body.put("judul", report.title());
		body.put("isi", report.description());
		body.put("kategori", report.category());
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("alamat", report.address());
		location.put("lat", report.latitude());
		location.put("lng", report.longitude());
		body.put("lokasi", location);
		body.put("anonim", report.anonymous());
		body.put("rahasia", report.confidential());
		Map<String, Object> reporter = new LinkedHashMap<>();
		reporter.put("nama", report.name());
		reporter.put("email", report.email());
		reporter.put("telepon", report.phone());
		body.put("pelapor", reporter);
		body.put("dibuat", report.submittedAt().toString());
		JsonNode answer = post("/laporan", body, report.trackingCode());
		return new Filed(required(answer, "id"), text(answer, "transaksi"));
	}

	@Override
	public void pushStatus(Status status) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.status());
		body.put("catatan", status.note());
		body.put("waktu", status.at().toString());
		post("/laporan/" + URLEncoder.encode(status.nationalTrackingId(), StandardCharsets.UTF_8) + "/status", body,
				status.key());
	}

	@Override
	public Page<Reply> replies(@Nullable String cursor) {
		JsonNode answer = get("/tanggapan", cursor);
		List<Reply> items = new ArrayList<>();
		for (JsonNode item : answer.path("tanggapan")) {
			items.add(new Reply(required(item, "id"), required(item, "laporan"), required(item, "isi"),
					instant(required(item, "waktu"))));
		}
		return new Page<>(items, text(answer, "berikutnya"));
	}

	private JsonNode get(String path, @Nullable String cursor) {
		String query = "?instansi=" + URLEncoder.encode(this.settings.agencyId(), StandardCharsets.UTF_8)
				+ (cursor == null ? "" : "&sejak=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
		byte[] body = this.http.get()
			.uri(URI.create(this.settings.url() + path + query))
			.header("KEYTOKEN", this.settings.token())
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(byte[].class);
		return body == null ? this.json.createObjectNode() : this.json.readTree(body);
	}

	private JsonNode post(String path, Object body, String idempotencyKey) {
		byte[] answer = this.http.post()
			.uri(URI.create(this.settings.url() + path))
			.header("KEYTOKEN", this.settings.token())
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsBytes(body))
			.retrieve()
			.body(byte[].class);
		return answer == null || answer.length == 0 ? this.json.createObjectNode() : this.json.readTree(answer);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNull() || value.isMissingNode() || value.asString().isBlank() ? null : value.asString();
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			throw new IllegalStateException("The national system answered without \"" + field + "\"");
		}
		return value;
	}

	private static @Nullable Double number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.asDouble() : null;
	}

	private static Instant instant(String value) {
		return OffsetDateTime.parse(value).toInstant();
	}

}
