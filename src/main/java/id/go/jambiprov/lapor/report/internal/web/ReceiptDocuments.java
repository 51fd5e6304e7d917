package id.go.jambiprov.lapor.report.internal.web;

import java.util.Locale;

import id.go.jambiprov.lapor.report.internal.ReportViews.ReportView;
import id.go.jambiprov.lapor.shared.Letterhead;
import id.go.jambiprov.lapor.shared.PdfDocuments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The receipt of a report as a one-page A5 PDF (openhtmltopdf, see {@link PdfDocuments}): the
 * letterhead, the tracking code and the access key, what the citizen can do with them, and where.
 * Printed at the desk for a visitor, or sent by post to the writer of a letter.
 */
@Component
class ReceiptDocuments {

	private final ITemplateEngine templates;

	private final Letterhead letterhead;

	private final String publicUrl;

	ReceiptDocuments(ITemplateEngine templates, Letterhead letterhead,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl) {
		this.templates = templates;
		this.letterhead = letterhead;
		this.publicUrl = publicUrl;
	}

	byte[] receipt(ReportView report, String accessKey, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("r", report);
		context.setVariable("key", accessKey);
		context.setVariable("submitted", PageText.when(report.submittedAt(), locale));
		context.setVariables(this.letterhead.variables());
		context.setVariable("publicUrl", this.publicUrl);
		return PdfDocuments.render(this.templates.process("documents/receipt", context));
	}

}
