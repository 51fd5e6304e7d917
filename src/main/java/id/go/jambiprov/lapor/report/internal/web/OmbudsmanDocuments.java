package id.go.jambiprov.lapor.report.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

import id.go.jambiprov.lapor.report.internal.Attachments;
import id.go.jambiprov.lapor.report.internal.ReportService.OmbudsmanCase;
import id.go.jambiprov.lapor.shared.Letterhead;
import id.go.jambiprov.lapor.shared.PdfDocuments;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The package a report goes to the Ombudsman in: one PDF with the report, its timeline as the
 * reporter reads it, the photos drawn on its pages and the PDF files appended after them
 * (PDFBox's merger; they were cleaned when they came in). No internal note, no hidden phrase.
 */
@Component
class OmbudsmanDocuments {

	/** A photo as the document draws it. */
	record Photo(String name, String dataUri) {
	}

	private final ITemplateEngine templates;

	private final Letterhead letterhead;

	OmbudsmanDocuments(ITemplateEngine templates, Letterhead letterhead) {
		this.templates = templates;
		this.letterhead = letterhead;
	}

	byte[] pdf(OmbudsmanCase report, String categoryName, String preparedBy, java.time.Instant at, Locale locale) {
		List<Attachments.Content> files = report.files();
		Context context = new Context(locale);
		context.setVariable("r", report.page().view());
		context.setVariable("timeline", report.page().timeline());
		context.setVariable("files", report.page().files());
		context.setVariable("categoryName", categoryName);
		context.setVariable("photos", files.stream()
			.filter(f -> f.contentType().startsWith("image/"))
			.map(f -> new Photo(f.fileName(),
					"data:" + f.contentType() + ";base64," + Base64.getEncoder().encodeToString(f.bytes())))
			.toList());
		context.setVariables(this.letterhead.variables());
		context.setVariable("preparedBy", preparedBy);
		context.setVariable("when", DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'WIB'", locale)
			.withZone(WorkingCalendar.JAKARTA));
		context.setVariable("prepared", at);
		byte[] body = PdfDocuments.render(this.templates.process("documents/ombudsman", context));
		List<byte[]> pdfs = files.stream().filter(f -> f.contentType().equals("application/pdf"))
			.map(Attachments.Content::bytes)
			.toList();
		return pdfs.isEmpty() ? body : appended(body, pdfs);
	}

	private static byte[] appended(byte[] body, List<byte[]> pdfs) {
		try (PDDocument document = Loader.loadPDF(body)) {
			PDFMergerUtility merger = new PDFMergerUtility();
			for (byte[] pdf : pdfs) {
				try (PDDocument attached = Loader.loadPDF(pdf)) {
					merger.appendDocument(document, attached);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
