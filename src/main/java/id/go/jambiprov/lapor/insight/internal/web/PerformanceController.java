package id.go.jambiprov.lapor.insight.internal.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.insight.internal.PerformanceDocuments;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport.Performance;
import id.go.jambiprov.lapor.insight.internal.web.InsightScope.Scope;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The monthly performance of the agencies, as JSON or as the files people take away: the PDF
 * a Kepala Dinas signs, XLSX and CSV.
 */
@RestController
@Tag(name = "Statistik / Statistics")
class PerformanceController {

	static final List<String> FORMATS = List.of("json", "pdf", "xlsx", "csv");

	private final PerformanceReport performance;

	private final PerformanceDocuments documents;

	private final InsightScope scope;

	private final JsonMapper json;

	PerformanceController(PerformanceReport performance, PerformanceDocuments documents, InsightScope scope,
			JsonMapper json) {
		this.performance = performance;
		this.documents = documents;
		this.scope = scope;
		this.json = json;
	}

	@GetMapping(path = "/api/v1/performance", params = "!format")
	@Operation(summary = "Kinerja bulanan Perangkat Daerah / Monthly performance per agency",
			description = "One row per agency in the caller's scope (national admin: all, or one jurisdiction; "
					+ "coordinator and supervisor: their jurisdiction; liaison: 403), ranked by the share answered "
					+ "within the resolution standard, the totals first. month=YYYY-MM (default: the month before); "
					+ "format=json (default), pdf, xlsx or csv.")
	Performance performance(@RequestParam(required = false) String month,
			@RequestParam(required = false) String jurisdiction) {
		return figures(month, jurisdiction);
	}

	@GetMapping(path = "/api/v1/performance", params = "format")
	@Operation(summary = "Kinerja bulanan sebagai berkas / Monthly performance as a file (pdf, xlsx, csv, json)")
	ResponseEntity<StreamingResponseBody> document(@RequestParam(required = false) String month,
			@RequestParam String format, @RequestParam(required = false) String jurisdiction, Locale locale) {
		String kind = format(format);
		return respond(figures(month, jurisdiction), kind, locale, this.documents, this.json);
	}

	private Performance figures(String month, String jurisdiction) {
		Scope scope = this.scope.ranking();
		YearMonth wanted = this.scope.month(month, "month");
		String area = scope.actor().role() == Role.NATIONAL_ADMIN && jurisdiction != null && !jurisdiction.isBlank()
				? jurisdiction.strip() : scope.jurisdiction();
		return this.performance.month(wanted, area);
	}

	static String format(@Nullable String format) {
		String kind = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
		if (!FORMATS.contains(kind)) {
			throw new InvalidInputException.Collector().add("format", "format", String.join(", ", FORMATS))
				.asException();
		}
		return kind;
	}

	static ResponseEntity<StreamingResponseBody> respond(Performance figures, String kind, Locale locale,
			PerformanceDocuments documents, JsonMapper json) {
		String name = "kinerja-" + figures.month() + (figures.jurisdiction() == null ? "" : "-" + figures.jurisdiction().toLowerCase(Locale.ROOT)) + "." + kind;
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
		return switch (kind) {
			case "pdf" -> {
				byte[] pdf = documents.pdf(figures, locale);
				yield ResponseEntity.ok()
					.headers(headers)
					.contentType(MediaType.APPLICATION_PDF)
					.contentLength(pdf.length)
					.body(out -> out.write(pdf));
			}
			case "xlsx" -> ResponseEntity.ok()
				.headers(headers)
				.contentType(MediaType
					.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out -> documents.xlsx(figures, locale, out));
			case "csv" -> ResponseEntity.ok()
				.headers(headers)
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.body(out -> documents.csv(figures, locale, out));
			default -> ResponseEntity.ok()
				.headers(headers)
				.contentType(MediaType.APPLICATION_JSON)
				.body(out -> json.writeValue(out, figures));
		};
	}

}
