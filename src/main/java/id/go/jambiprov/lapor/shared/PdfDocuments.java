package id.go.jambiprov.lapor.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * PDF documents from XHTML (a Thymeleaf template rendered to a string): openhtmltopdf on PDFBox,
 * with inline SVG drawn as vector graphics. Page size, margins and running footers are the
 * template's CSS ({@code @page}).
 */
public final class PdfDocuments {

	private PdfDocuments() {
	}

	public static byte[] render(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
