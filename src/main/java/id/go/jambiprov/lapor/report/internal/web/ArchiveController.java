package id.go.jambiprov.lapor.report.internal.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.report.internal.ReportArchive;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The provincial archive: the months whose closed reports may go (page {@code /petugas/arsip},
 * {@code GET /api/v1/archive}), one ZIP per month ({@code GET /api/v1/archive/{month}}), and the
 * erasure of a reporter's contact details on request once their report went
 * ({@code POST /api/v1/reports/{code}/erasure}). Coordinator (own jurisdiction) and national admin.
 */
@Controller
@Tag(name = "Arsip / Archive")
class ArchiveController {

	private final ReportArchive archive;

	private final CurrentActor actor;

	private final MessageSource messages;

	ArchiveController(ReportArchive archive, CurrentActor actor, MessageSource messages) {
		this.archive = archive;
		this.actor = actor;
		this.messages = messages;
	}

	record ErasureBody(String reason) {
	}

	@GetMapping("/api/v1/archive")
	@ResponseBody
	@Operation(summary = "Bulan yang siap diarsipkan / Months ready for the archive",
			description = "Per month of submission: closed (or archived) reports closed for at least "
					+ "lapor.archive.after-years, and how many of them are already in a package; the packages made.")
	Map<String, Object> months(@RequestParam(required = false) String jurisdiction) {
		Actor officer = officer();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jurisdiction", this.archive.jurisdiction(officer, jurisdiction));
		body.put("afterYears", this.archive.afterYears());
		body.put("months", this.archive.months(officer, jurisdiction));
		body.put("packages", this.archive.packages(officer, jurisdiction));
		return body;
	}

	@GetMapping({ "/api/v1/archive/{month}", "/petugas/arsip/{month}" })
	@Operation(summary = "Paket arsip satu bulan (ZIP) / A month's archive package (ZIP)",
			description = "For each report: laporan.pdf (the report and its public timeline), laporan.json, "
					+ "berkas/ (its files); daftar.csv lists them. The reporter of an anonymous or confidential "
					+ "report is never written. The package is recorded once its last byte is written; only then "
					+ "may its reporters' contact details be erased on request.")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String month,
			@RequestParam(required = false) String jurisdiction, Locale locale) {
		Actor officer = officer();
		YearMonth wanted = month(month);
		String scope = this.archive.jurisdiction(officer, jurisdiction);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(this.archive.fileName(scope, wanted)).build().toString())
			.header("Cache-Control", "no-store")
			.body(out -> this.archive.write(officer, jurisdiction, wanted, locale, out));
	}

	@PostMapping("/api/v1/reports/{code}/erasure")
	@ResponseBody
	@Operation(summary = "Hapus kontak pelapor atas permintaan / Erase the reporter's contact details on request",
			description = "Only for a report in a recorded archive package (else 409 not-archived); the report, "
					+ "its timeline and its figures stay. Asking again answers the first erasure.")
	ReportArchive.Erased erase(@PathVariable String code, @RequestBody ErasureBody body) {
		return this.archive.erase(code, reason(body.reason()), officer());
	}

	@GetMapping("/petugas/arsip")
	String page(@RequestParam(required = false) String jurisdiction, Model model) {
		Actor officer = officer();
		model.addAttribute("jurisdiction", this.archive.jurisdiction(officer, jurisdiction));
		model.addAttribute("afterYears", this.archive.afterYears());
		model.addAttribute("months", this.archive.months(officer, jurisdiction));
		model.addAttribute("packages", this.archive.packages(officer, jurisdiction));
		return "archive";
	}

	@PostMapping("/petugas/arsip/hapus-kontak")
	String erasePage(@RequestParam(required = false) String code, @RequestParam(required = false) String reason,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Actor officer = officer();
		try {
			ReportArchive.Erased erased = this.archive.erase(code == null ? "" : code.strip(), reason(reason), officer);
			redirect.addFlashAttribute("erased", erased.trackingCode());
			return "redirect:/petugas/arsip";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", FormErrors.of(invalid, this.messages, locale));
		}
		catch (ProblemException notArchived) {
			response.setStatus(notArchived.getStatus().value());
			model.addAttribute("erasureProblem", this.messages.getMessage(notArchived.getMessageCode(),
					notArchived.getArguments(), locale));
		}
		catch (ReportRefusal.OutOfScope unknown) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("erasureProblem", this.messages.getMessage("problem.report-not-found", null, locale));
		}
		model.addAttribute("erasureCode", code);
		model.addAttribute("erasureReason", reason);
		return page(null, model);
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException.Collector().add("reason", "required").asException();
		}
		if (reason.length() > 500) {
			throw new InvalidInputException.Collector().add("reason", "size", 500).asException();
		}
		return reason.strip();
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException invalid) {
			throw new InvalidInputException.Collector().add("month", "month").asException();
		}
	}

	private Actor officer() {
		return this.actor.get().filter(a -> a.role().isOfficer()).orElseThrow(ReportRefusal::unauthenticated);
	}

}
