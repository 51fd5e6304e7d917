package id.go.jambiprov.lapor.insight.internal.web;

import java.time.YearMonth;
import java.util.Locale;

import id.go.jambiprov.lapor.insight.internal.PerformanceDocuments;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport.Performance;
import id.go.jambiprov.lapor.insight.internal.web.InsightScope.Scope;
import id.go.jambiprov.lapor.web.InvalidInputException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The monthly performance report on the officers' side: the ranked agencies of the month with
 * the chart and the same figures as a table, and the PDF, XLSX and CSV to take away.
 */
@Controller
class PerformancePages {

	private final PerformanceReport performance;

	private final PerformanceDocuments documents;

	private final InsightScope scope;

	private final JsonMapper json;

	PerformancePages(PerformanceReport performance, PerformanceDocuments documents, InsightScope scope,
			JsonMapper json) {
		this.json = json;
		this.performance = performance;
		this.documents = documents;
		this.scope = scope;
	}

	@GetMapping("/petugas/kinerja")
	String page(@RequestParam(name = "bulan", required = false) String month, Model model, Locale locale) {
		Scope scope = this.scope.ranking();
		YearMonth wanted;
		try {
			wanted = this.scope.month(month, "bulan");
		}
		catch (InvalidInputException invalid) {
			model.addAttribute("monthError", true);
			wanted = this.scope.month(null, "bulan");
		}
		Performance figures = this.performance.month(wanted, scope.jurisdiction());
		model.addAttribute("p", figures);
		model.addAttribute("months", this.performance.months());
		model.addAttribute("monthName", this.documents.monthName(figures, locale));
		model.addAttribute("chart", this.documents.onTimeChart(figures, locale, 640));
		model.addAttribute("docs", this.documents);
		return "performance";
	}

	@GetMapping("/petugas/kinerja/unduh")
	ResponseEntity<StreamingResponseBody> download(@RequestParam(name = "bulan", required = false) String month,
			@RequestParam(name = "format", required = false) String format, Locale locale) {
		Scope scope = this.scope.ranking();
		YearMonth wanted = this.scope.month(month, "bulan");
		String kind = PerformanceController.format(format == null ? "pdf" : format);
		return PerformanceController.respond(this.performance.month(wanted, scope.jurisdiction()), kind, locale,
				this.documents, this.json);
	}

}
