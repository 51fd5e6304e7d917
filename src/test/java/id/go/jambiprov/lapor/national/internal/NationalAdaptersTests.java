package id.go.jambiprov.lapor.national.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both adapters against a national server on a local port: what they send, what they read, and
 * how they fail (an error status, a malformed answer, a server that does not answer in time).
 */
class NationalAdaptersTests {

	final JsonMapper json = JsonMapper.builder().build();

	final MockWebServer server = new MockWebServer();

	@BeforeEach
	void start() throws Exception {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private NationalSettings settings(String adapter) {
		return new NationalSettings(this.server.url("/api").toString(), "KT-123", adapter, "pemprov-jambi", "JAMBI",
				Duration.ofSeconds(1), new StandardEnvironment());
	}

	private static NationalSystem.Report report(boolean anonymous, boolean confidential) {
		return new NationalSystem.Report("1234-5678-9012", "pengaduan", "Jalan rusak", "Berlubang <dalam> & lebar",
				"infrastruktur-jalan", "Jl. Sudirman", -1.6, 103.6, anonymous, confidential, "Budi Santoso",
				"budi@example.com", "+6281234567890", Instant.parse("2026-11-23T01:00:00Z"));
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	@Test
	void theJsonAdapterFilesAReportWithItsTokenAndIdempotencyKey() throws Exception {
		this.server.enqueue(json(201, "{\"id\":\"LAPOR-77\",\"transaksi\":\"TRX-9\"}"));
		NationalSystem.Filed filed = new HttpNationalSystem(settings("json"), this.json).push(report(true, false));
		assertThat(filed).isEqualTo(new NationalSystem.Filed("LAPOR-77", "TRX-9"));
		RecordedRequest sent = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/laporan");
		assertThat(sent.getHeaders().get("KEYTOKEN")).isEqualTo("KT-123");
		assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("1234-5678-9012");
		JsonNode body = this.json.readTree(sent.getBody().utf8());
		assertThat(body.path("instansi").asString()).isEqualTo("pemprov-jambi");
		assertThat(body.path("anonim").asBoolean()).isTrue();
		assertThat(body.path("rahasia").asBoolean()).isFalse();
		assertThat(body.path("pelapor").path("telepon").asString()).isEqualTo("+6281234567890");
	}

	@Test
	void theJsonAdapterReadsForwardedReportsAndRepliesFromACursor() throws Exception {
		this.server.enqueue(json(200, """
				{"laporan":[{"id":"LAPOR-1","transaksi":"T1","judul":"Sampah","isi":"Menumpuk","kategori":"lingkungan",
				 "lokasi":{"alamat":"Pasar","lat":-1.5,"lng":103.5},"anonim":false,"rahasia":true,
				 "pelapor":{"nama":"Ani","email":"ani@example.id","telepon":"0812"},
				 "dibuat":"2026-11-20T08:00:00+07:00","didisposisikan":"2026-11-21T09:30:00+07:00"}],
				 "berikutnya":"c-2"}"""));
		this.server.enqueue(json(200, """
				{"tanggapan":[{"id":"R-1","laporan":"LAPOR-1","isi":"Belum beres","waktu":"2026-11-22T10:00:00Z"}],
				 "berikutnya":null}"""));
		HttpNationalSystem national = new HttpNationalSystem(settings("json"), this.json);
		NationalSystem.Page<NationalSystem.Forwarded> page = national.forwarded("c-1");
		assertThat(page.next()).isEqualTo("c-2");
		NationalSystem.Forwarded report = page.items().get(0);
		assertThat(report.trackingId()).isEqualTo("LAPOR-1");
		assertThat(report.confidential()).isTrue();
		assertThat(report.latitude()).isEqualTo(-1.5);
		assertThat(report.forwardedAt()).isEqualTo(Instant.parse("2026-11-21T02:30:00Z"));
		assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getUrl().toString())
			.contains("instansi=pemprov-jambi").contains("sejak=c-1");
		NationalSystem.Page<NationalSystem.Reply> replies = national.replies(null);
		assertThat(replies.items()).extracting(NationalSystem.Reply::text).containsExactly("Belum beres");
		assertThat(replies.next()).isNull();
		assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getUrl().toString()).doesNotContain("sejak");
	}

	@Test
	void theJsonAdapterFailsLoudlyOnErrorsMalformedAnswersAndSilence() {
		HttpNationalSystem national = new HttpNationalSystem(settings("json"), this.json);
		this.server.enqueue(json(503, "{\"error\":\"pemeliharaan\"}"));
		assertThatThrownBy(() -> national.push(report(false, false))).isInstanceOf(RestClientResponseException.class);
		this.server.enqueue(json(200, "{\"transaksi\":\"T\"}"));
		assertThatThrownBy(() -> national.push(report(false, false))).hasMessageContaining("\"id\"");
		this.server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).body("{}").build());
		assertThatThrownBy(() -> national.forwarded(null)).isInstanceOf(RestClientException.class);
		this.server.enqueue(json(204, ""));
		national.pushStatus(new NationalSystem.Status("LAPOR-1", "ditanggapi", "Sudah diperbaiki",
				Instant.parse("2026-11-24T03:00:00Z"), "1234-5678-9012:7"));
	}

	@Test
	void theLegacyAdapterPostsTheOldAddstreamDocumentAndReadsItsIds() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/xml")
			.body("<?xml version=\"1.0\"?><response><trackingid>1988123</trackingid><transaksiid>TX-5</transaksiid></response>")
			.build());
		LegacyXmlNationalSystem national = new LegacyXmlNationalSystem(settings("legacy-xml"));
		assertThat(national.capabilities().pushStatus()).isFalse();
		assertThat(national.push(report(true, true))).isEqualTo(new NationalSystem.Filed("1988123", "TX-5"));
		RecordedRequest sent = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/api/stream/addstream");
		Document xml = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(sent.getBody().toByteArray()));
		Element root = xml.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("lapor");
		assertThat(root.getAttribute("token")).isEqualTo("KT-123");
		Element laporan = (Element) root.getElementsByTagName("laporan").item(0);
		assertThat(laporan.getAttribute("rahasia")).isEqualTo("1");
		assertThat(laporan.getAttribute("anonim")).isEqualTo("1");
		assertThat(laporan.getElementsByTagName("isi").item(0).getTextContent()).contains("Berlubang <dalam> & lebar");
		assertThat(root.getElementsByTagName("namadepan").item(0).getTextContent()).isEqualTo("Budi");
		assertThat(root.getElementsByTagName("namabelakang").item(0).getTextContent()).isEqualTo("Santoso");
		assertThat(root.getElementsByTagName("telpon").item(0).getTextContent()).isEqualTo("+6281234567890");

		this.server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());
		assertThatThrownBy(() -> national.push(report(false, false))).hasMessageContaining("trackingid");
		assertThatThrownBy(() -> national.forwarded(null)).isInstanceOf(UnsupportedOperationException.class);
	}

}
