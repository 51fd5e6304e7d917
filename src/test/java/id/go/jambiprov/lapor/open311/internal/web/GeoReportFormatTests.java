package id.go.jambiprov.lapor.open311.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;

import tools.jackson.databind.json.JsonMapper;

class GeoReportFormatTests {

	final GeoReportFormat format = new GeoReportFormat(JsonMapper.builder().build());

	@Test
	void xmlCarriesAnyTextAReporterTypedAndNamesListItemsAsTheSpecDoes() throws Exception {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", "1234-5678-9012");
		request.put("description", "Jalan <rusak> & \"berlubang\"\u0001\u0008 di depan\u000Bsekolah\nbaris dua");
		request.put("media_url", null);
		byte[] body = this.format.list(GeoReportFormat.Format.XML, HttpStatus.OK, "service_requests", List.of(request))
			.getBody();
		Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		assertThat(xml.getElementsByTagName("request").getLength()).isEqualTo(1);
		assertThat(xml.getElementsByTagName("description").item(0).getTextContent())
			.isEqualTo("Jalan <rusak> & \"berlubang\" di depansekolah\nbaris dua");
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("<media_url/>");
	}

	@Test
	void jsonIsABareArrayWithNullsKept() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", "1234-5678-9012");
		request.put("media_url", null);
		byte[] body = this.format.list(GeoReportFormat.Format.JSON, HttpStatus.OK, "service_requests", List.of(request))
			.getBody();
		assertThat(new String(body, StandardCharsets.UTF_8))
			.isEqualTo("[{\"service_request_id\":\"1234-5678-9012\",\"media_url\":null}]");
	}

}
