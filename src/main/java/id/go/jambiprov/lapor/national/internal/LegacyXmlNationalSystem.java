package id.go.jambiprov.lapor.national.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The older national integration: one XML document posted to {@code /api/stream/addstream}
 * with the reporter and {@code <laporan rahasia="1" anonim="1">}, answering a tracking id and a
 * transaction id. It only files reports: no pull, no status, no replies.
 */
class LegacyXmlNationalSystem implements NationalSystem {

	private final NationalSettings settings;

	private final RestClient http;

	LegacyXmlNationalSystem(NationalSettings settings) {
		this.settings = settings;
		this.http = settings.http();
	}

	@Override
	public Capabilities capabilities() {
		return new Capabilities(false, false, false);
	}

	@Override
	public Page<Forwarded> forwarded(@Nullable String cursor) {
		throw new UnsupportedOperationException("the legacy addstream call cannot pull reports");
	}

	@Override
	public Filed push(Report report) {
		byte[] answer = this.http.post()
			.uri(URI.create(this.settings.url() + "/api/stream/addstream"))
			.contentType(MediaType.parseMediaType("text/xml;charset=UTF-8"))
			.header("Idempotency-Key", report.trackingCode())
			.body(document(report))
			.retrieve()
			.body(byte[].class);
		Document parsed = parse(answer);
		String trackingId = child(parsed, "trackingid");
		if (trackingId == null) {
			throw new IllegalStateException("The national addstream answered without a trackingid");
		}
		return new Filed(trackingId, child(parsed, "transaksiid"));
	}

	@Override
	public void pushStatus(Status status) {
		throw new UnsupportedOperationException("the legacy addstream call cannot send a status");
	}

	@Override
	public Page<Reply> replies(@Nullable String cursor) {
		throw new UnsupportedOperationException("the legacy addstream call cannot pull replies");
	}

	/** The document as the old integrations sent it; the title leads the text, our code closes it. */
	byte[] document(Report report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("lapor");
			xml.writeAttribute("token", this.settings.token());
			xml.writeStartElement("pelapor");
			element(xml, "email", report.email());
			element(xml, "telpon", report.phone());
			String name = report.name() == null ? "Pelapor" : report.name();
			int space = name.indexOf(' ');
			element(xml, "namadepan", space < 0 ? name : name.substring(0, space));
			element(xml, "namabelakang", space < 0 ? "_" : name.substring(space + 1));
			xml.writeEndElement();
			xml.writeStartElement("laporan");
			xml.writeAttribute("rahasia", report.confidential() ? "1" : "0");
			xml.writeAttribute("anonim", report.anonymous() ? "1" : "0");
			element(xml, "isi", report.title() + "\n\n" + report.description() + "\n\n(" + report.trackingCode() + ")");
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException impossible) {
			throw new IllegalStateException(impossible);
		}
		return out.toByteArray();
	}

	private static void element(XMLStreamWriter xml, String name, @Nullable String value) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(value == null ? "" : value);
		xml.writeEndElement();
	}

	private static Document parse(byte @Nullable [] answer) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer == null ? new byte[0] : answer));
		}
		catch (Exception unreadable) {
			throw new IllegalStateException("The national addstream answer is not XML: " + unreadable.getMessage());
		}
	}

	private static @Nullable String child(Document document, String name) {
		Node node = document.getElementsByTagName(name).item(0);
		String text = node == null ? null : node.getTextContent().strip();
		return text == null || text.isEmpty() ? null : text;
	}

}
