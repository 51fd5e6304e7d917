package id.go.jambiprov.lapor.report.internal.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.report.internal.ReportService.OmbudsmanCase;
import id.go.jambiprov.lapor.report.internal.ReportViews.ReportView;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing a report over to the Ombudsman: 60 days after submission and unresolved, the reporter
 * asks (API, page, or the link in the message they receive); the coordinator downloads the
 * package and records the hand-over on the timeline.
 */
@Controller
@Tag(name = "Ombudsman")
class OmbudsmanController {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	record HandOverBody(String note) {
	}

	private final ReportService reports;

	private final OmbudsmanDocuments documents;

	private final Directory directory;

	private final CurrentActor actor;

	private final Clock clock;

	OmbudsmanController(ReportService reports, OmbudsmanDocuments documents, Directory directory, CurrentActor actor,
			Clock clock) {
		this.reports = reports;
		this.documents = documents;
		this.directory = directory;
		this.actor = actor;
		this.clock = clock;
	}

	// ---- API ------------------------------------------------------------------------------

	@PostMapping("/api/v1/reports/{code}/ombudsman-request")
	@ResponseBody
	@Operation(summary = "Minta diteruskan ke Ombudsman / Ask for the Ombudsman",
			description = "The reporter (X-Access-Key or their account), from 60 days after submission while the "
					+ "report is not finished, once: 409 before or after. A timeline entry; status and clocks stay.")
	ReportView request(@PathVariable String code,
			@RequestHeader(name = ReportController.ACCESS_KEY, required = false) String accessKey) {
		return this.reports.requestOmbudsman(code, this.actor.get(), accessKey);
	}

	@GetMapping("/api/v1/reports/{code}/ombudsman-package")
	@Operation(summary = "Paket untuk Ombudsman / The Ombudsman package (PDF)",
			description = "The coordinator in scope or the national admin, after the reporter asked (409 before): "
					+ "one PDF with the report, its timeline as the reporter reads it, its photos and PDF files; no "
					+ "internal note, no identity of an anonymous or confidential reporter.")
	ResponseEntity<byte[]> apiPackage(@PathVariable String code) {
		return pdf(code);
	}

	@PostMapping("/api/v1/reports/{code}/ombudsman-handover")
	@ResponseBody
	@Operation(summary = "Catat penyerahan ke Ombudsman / Record the hand-over to the Ombudsman",
			description = "The coordinator in scope or the national admin, after the reporter asked, once. "
					+ "{\"note\"}: what was sent and where (e.g. the letter's number); the reporter reads it.")
	ReportView handOver(@PathVariable String code, @RequestBody(required = false) HandOverBody body) {
		return this.reports.handToOmbudsman(code, body == null ? null : body.note(), this.actor.get());
	}

	// ---- pages ----------------------------------------------------------------------------

	@PostMapping("/laporan/{code}/ombudsman")
	String reporterRequest(@PathVariable String code, HttpSession session, RedirectAttributes redirect) {
		Optional<Actor> account = this.actor.get().filter(a -> a.role() == Role.REPORTER);
		String key = ReporterKeys.of(session, code).orElse(null);
		if (account.isEmpty() && key == null) {
			return "redirect:/laporan?kode=" + code;
		}
		try {
			this.reports.requestOmbudsman(code, account, key);
			redirect.addFlashAttribute("ombudsmanAsked", true);
		}
		catch (ReportRefusal.WrongState refused) {
			redirect.addFlashAttribute("conflict", "state");
		}
		return "redirect:/laporan/" + code;
	}

	@GetMapping("/petugas/laporan/{code}/ombudsman.pdf")
	ResponseEntity<byte[]> pagePackage(@PathVariable String code) {
		return pdf(code);
	}

	@PostMapping("/petugas/laporan/{code}/ombudsman")
	String officerHandOver(@PathVariable String code, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		this.reports.handToOmbudsman(code, note, this.actor.get());
		redirect.addFlashAttribute("ombudsmanHanded", true);
		return "redirect:/petugas/laporan/" + code;
	}

	/** The package is an official letter to an Indonesian institution: always in Indonesian. */
	private ResponseEntity<byte[]> pdf(String code) {
		Locale locale = INDONESIAN;
		Actor by = this.actor.get().orElseThrow(ReportRefusal::unauthenticated);
		OmbudsmanCase found = this.reports.ombudsmanCase(code, Optional.of(by));
		ReportView view = found.page().view();
		String category = view.category() == null ? "-"
				: this.directory.category(view.category()).map(c -> c.name(locale)).orElse(view.category());
		byte[] pdf = this.documents.pdf(found, category, by.username(), this.clock.instant(), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("ombudsman-" + view.trackingCode() + ".pdf")
				.build()
				.toString())
			.body(pdf);
	}

}
