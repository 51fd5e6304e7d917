package id.go.jambiprov.lapor.open311.internal.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * The two formats of GeoReport v2 from one model: a resource is an ordered map of fields (text,
 * number, true/false, absent, or a list of further maps or texts). JSON writes it as it is (the
 * spec's "Spark convention": a list of items is a bare array); XML as the spec shapes it, the
 * root and each list's items named as in its examples, no namespace, UTF-8 with its declaration.
 */
final class GeoReportFormat {

	/** The item element of each list in XML. */
	private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
			"attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format", "errors",
			"error");

	/** Characters XML 1.0 cannot carry, even escaped (a control character pasted into a report). */
	private static final Pattern XML_INVALID = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=utf-8");

	static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");

	enum Format {

		JSON, XML;

		static Optional<Format> of(@Nullable String name) {
			return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
				case "json" -> Optional.of(JSON);
				case "xml" -> Optional.of(XML);
				default -> Optional.empty();
			};
		}

	}

	private final JsonMapper json;

	GeoReportFormat(JsonMapper json) {
		this.json = json;
	}

	/** A list resource: {@code <services><service>…} or a JSON array. */
	ResponseEntity<byte[]> list(Format format, HttpStatus status, String root, List<? extends Map<String, ?>> items) {
		if (format == Format.JSON) {
			return body(status, JSON, this.json.writeValueAsBytes(items));
		}
		return body(status, XML, xml(root, items));
	}

	/** A single resource: {@code <service_definition>…} or a JSON object. */
	ResponseEntity<byte[]> object(Format format, String root, Map<String, ?> fields) {
		if (format == Format.JSON) {
			return body(HttpStatus.OK, JSON, this.json.writeValueAsBytes(fields));
		}
		return body(HttpStatus.OK, XML, xml(root, fields));
	}

	private static ResponseEntity<byte[]> body(HttpStatus status, MediaType type, byte[] content) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_TYPE, type.toString())
			// anyone's civic app may read the public resources from a browser
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.body(content);
	}

	private static byte[] xml(String root, Object content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory()
				.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
			writer.writeStartDocument("utf-8", "1.0");
			writer.writeCharacters("\n");
			element(writer, root, content);
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException impossible) {
			throw new IllegalStateException(impossible);
		}
		return out.toByteArray();
	}

	private static void element(XMLStreamWriter writer, String name, @Nullable Object value) throws XMLStreamException {
		if (value == null) {
			writer.writeEmptyElement(name);
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Map<?, ?> fields) {
			for (Map.Entry<?, ?> field : fields.entrySet()) {
				element(writer, String.valueOf(field.getKey()), field.getValue());
			}
		}
		else if (value instanceof List<?> items) {
			String item = ITEMS.getOrDefault(name, "item");
			for (Object each : items) {
				element(writer, item, each);
			}
		}
		else {
			writer.writeCharacters(XML_INVALID.matcher(String.valueOf(value)).replaceAll(""));
		}
		writer.writeEndElement();
	}

}
