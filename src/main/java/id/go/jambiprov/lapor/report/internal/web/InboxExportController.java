package id.go.jambiprov.lapor.report.internal.web;

import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.internal.ClockState;
import id.go.jambiprov.lapor.report.internal.InboxExport;
import id.go.jambiprov.lapor.report.internal.InboxExport.Format;
import id.go.jambiprov.lapor.report.internal.InboxQuery;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The inbox as a file, with exactly the inbox's filters: {@code /api/v1/inbox/export} for tools
 * and {@code /petugas/unduh} behind the "Unduh" links of the officers' inbox page.
 */
@Controller
@Tag(name = "Laporan / Reports")
class InboxExportController {

	private final InboxExport export;

	private final CurrentActor actor;

	InboxExportController(InboxExport export, CurrentActor actor) {
		this.export = export;
		this.actor = actor;
	}

	@GetMapping({ "/api/v1/inbox/export", "/petugas/unduh" })
	@Operation(summary = "Ekspor kotak masuk / Export the inbox (CSV or XLSX)",
			description = "The reports the inbox lists under the same filters, in the caller's scope, most urgent "
					+ "first, streamed. CSV in UTF-8 with a BOM, times in Jakarta; cells that would start a formula "
					+ "are neutralised. The reporter of an anonymous or confidential report is never written. Every "
					+ "export is recorded.")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) ClockState clock,
			@RequestParam(required = false) String category, @RequestParam(required = false) String agency,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String q, Locale locale) {
		Actor officer = this.actor.get().orElseThrow(ReportRefusal::unauthenticated);
		if (!officer.role().isOfficer()) {
			throw ReportRefusal.forbiddenRead();
		}
		Format kind = format(format);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInputException.Collector().add("from", "range").asException();
		}
		InboxQuery.Filter filter = new InboxQuery.Filter(status, clock, blank(category), blank(agency), channel, from, to,
				blank(q));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(kind.mediaType()))
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(this.export.fileName(kind)).build().toString())
			.header("Cache-Control", "no-store")
			.body(out -> this.export.write(officer, filter, kind, locale, out));
	}

	private static Format format(String format) {
		if (format == null || format.isBlank()) {
			return Format.CSV;
		}
		try {
			return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInputException.Collector().add("format", "format", "csv, xlsx").asException();
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
