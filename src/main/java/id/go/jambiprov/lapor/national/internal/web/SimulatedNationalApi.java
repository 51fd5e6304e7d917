package id.go.jambiprov.lapor.national.internal.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.national.internal.NationalSettings;
import id.go.jambiprov.lapor.national.internal.SimulatedNational;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * The demo's national API, speaking the bridge's JSON contract, with the demo KEYTOKEN: the bridge
 * is exercised end to end without the real SP4N-LAPOR!. A cursor is the number of the last item taken.
 */
@RestController
@RequestMapping("/webhooks/simulated-national")
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
@Hidden
class SimulatedNationalApi {

	private final SimulatedNational national;

	private final NationalSettings settings;

	SimulatedNationalApi(SimulatedNational national, NationalSettings settings) {
		this.national = national;
		this.settings = settings;
	}

	@GetMapping("/laporan/disposisi")
	ResponseEntity<Map<String, Object>> forwarded(@RequestHeader(name = "KEYTOKEN", required = false) @Nullable String token,
			@RequestParam(name = "sejak", required = false) @Nullable String since) {
		if (!authorised(token)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		long from = cursor(since);
		List<SimulatedNational.NationalReport> fresh = this.national.forwardedAfter(from);
		List<Map<String, Object>> items = fresh.stream().map(report -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", report.trackingId());
			item.put("transaksi", report.transactionId());
			item.put("judul", report.title());
			item.put("isi", report.description());
			item.put("kategori", report.category());
			item.put("anonim", report.anonymous());
			item.put("rahasia", report.confidential());
			Map<String, Object> reporter = new LinkedHashMap<>();
			reporter.put("nama", report.name());
			reporter.put("telepon", report.phone());
			item.put("pelapor", reporter);
			item.put("dibuat", report.submittedAt().toString());
			item.put("didisposisikan", report.forwardedAt().toString());
			return item;
		}).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("laporan", items);
		answer.put("berikutnya", String.valueOf(fresh.isEmpty() ? from
				: SimulatedNational.number(fresh.get(fresh.size() - 1).trackingId())));
		return ResponseEntity.ok(answer);
	}

	@PostMapping("/laporan")
	ResponseEntity<Map<String, Object>> file(@RequestHeader(name = "KEYTOKEN", required = false) @Nullable String token,
			@RequestHeader("Idempotency-Key") String key, @RequestBody JsonNode body) {
		if (!authorised(token)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		SimulatedNational.NationalReport report = this.national.file(key, body.path("judul").asString(""),
				body.path("isi").asString(""), body.path("anonim").asBoolean(false),
				body.path("rahasia").asBoolean(false), body.path("kategori").asString(null));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("id", report.trackingId(), "transaksi", report.transactionId()));
	}

	@PostMapping("/laporan/{id}/status")
	ResponseEntity<Void> status(@RequestHeader(name = "KEYTOKEN", required = false) @Nullable String token,
			@RequestHeader("Idempotency-Key") String key, @PathVariable String id, @RequestBody JsonNode body) {
		if (!authorised(token)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		this.national.step(key, new SimulatedNational.Step(id, body.path("status").asString(""),
				body.path("catatan").isNull() ? null : body.path("catatan").asString(null),
				Instant.parse(body.path("waktu").asString())));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tanggapan")
	ResponseEntity<Map<String, Object>> replies(@RequestHeader(name = "KEYTOKEN", required = false) @Nullable String token,
			@RequestParam(name = "sejak", required = false) @Nullable String since) {
		if (!authorised(token)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		long from = cursor(since);
		List<SimulatedNational.Reply> fresh = this.national.repliesAfter(from);
		List<Map<String, Object>> items = fresh.stream().map(reply -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", reply.id());
			item.put("laporan", reply.trackingId());
			item.put("isi", reply.text());
			item.put("waktu", reply.at().toString());
			return item;
		}).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("tanggapan", items);
		answer.put("berikutnya", String.valueOf(fresh.isEmpty() ? from
				: SimulatedNational.number(fresh.get(fresh.size() - 1).id())));
		return ResponseEntity.ok(answer);
	}

	private boolean authorised(@Nullable String token) {
		return token != null && token.equals(this.settings.token());
	}

	private static long cursor(@Nullable String since) {
		try {
			return since == null ? 0 : Math.max(0, Long.parseLong(since));
		}
		catch (NumberFormatException unknown) {
			return 0;
		}
	}

}
