package id.go.jambiprov.lapor.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ChannelTestSupport;
import id.go.jambiprov.lapor.support.ImageBombs;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 at /open311/v2, every method in JSON and XML against the shapes of the
 * spec (http://wiki.open311.org/GeoReport_v2), its privacy (no identity, no confidential report,
 * no text before verification) and its API keys (missing, wrong, revoked, over the limit).
 */
class Open311IntegrationTests extends ChannelTestSupport {

	static final String BASE = "/open311/v2";

	static final String DEMO_KEY = "demo-open311-key";

	/** The spec's fields of a request, in its order. */
	static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
			"service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
			"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

	static final MockWebServer photos = new MockWebServer();

	@BeforeAll
	static void startPhotos() throws Exception {
		photos.start();
	}

	@AfterAll
	static void stopPhotos() {
		photos.close();
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode json(MockHttpServletRequestBuilder request, int status) {
		MvcResult result = perform(request);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		return this.json.readTree(body(result));
	}

	private Document xml(MockHttpServletRequestBuilder request, int status) {
		MvcResult result = perform(request);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).isEqualTo("text/xml;charset=utf-8");
		assertThat(body(result)).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(MvcResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The names of an element's child elements, in order. */
	private static List<String> children(Node parent) {
		List<String> names = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				names.add(element.getTagName());
			}
		}
		return names;
	}

	private static String text(Element parent, String name) {
		return parent.getElementsByTagName(name).item(0).getTextContent();
	}

	private static MockHttpServletRequestBuilder filing(String format, String key, String... params) {
		MockHttpServletRequestBuilder request = post(BASE + "/requests." + format)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (key != null) {
			request.param("api_key", key);
		}
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	private static String[] aPothole(String email) {
		return new String[] { "service_code", "JALAN_JEMBATAN", "lat", "-1.6101", "long", "103.6131",
				"address_string", "Jl. Gatot Subroto, Kota Jambi", "description",
				"Lubang besar di depan sekolah\nSudah seminggu, dua motor jatuh.", "email", email, "first_name", "Siti",
				"last_name", "Aminah", "phone", "0812-1111-2222", "attribute[regency]", "Kota Jambi" };
	}

	private String issueKey(String name, int rate) {
		JsonNode issued = call(post("/api/v1/open311/clients").header("Authorization", "Bearer " + token("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("name", name, "ratePerMinute", rate))), 201);
		return issued.get("key").asString();
	}

	@Test
	void discoveryNamesTheEndpointItsSpecificationAndFormats() {
		JsonNode discovery = json(get(BASE + "/discovery.json"), 200);
		assertThat(discovery.get("changeset").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(discovery.get("contact").asString()).isNotBlank();
		assertThat(discovery.get("key_service").asString()).isNotBlank();
		JsonNode endpoint = discovery.get("endpoints").get(0);
		assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
		assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");

		Document xml = xml(get(BASE + "/discovery.xml"), 200);
		Element root = xml.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("discovery");
		assertThat(children(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
		Element xmlEndpoint = (Element) root.getElementsByTagName("endpoint").item(0);
		assertThat(children(xmlEndpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
		assertThat(children(xmlEndpoint.getElementsByTagName("formats").item(0))).containsExactly("format", "format");
	}

	@Test
	void servicesAreTheActiveCategoriesInBothFormats() {
		JsonNode services = json(get(BASE + "/services.json").param("jurisdiction_id", "jambiprov.go.id"), 200);
		assertThat(services.isArray()).isTrue();
		JsonNode roads = null;
		for (JsonNode service : services) {
			if (service.get("service_code").asString().equals("JALAN_JEMBATAN")) {
				roads = service;
			}
		}
		assertThat(roads).isNotNull();
		assertThat(roads.get("service_name").asString()).isNotBlank();
		assertThat(roads.get("metadata").asBoolean()).isTrue();
		assertThat(roads.get("type").asString()).isEqualTo("realtime");

		Document xml = xml(get(BASE + "/services.xml"), 200);
		Element root = xml.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("services");
		assertThat(children(root)).isNotEmpty().allMatch("service"::equals).hasSize(services.size());
		assertThat(children(root.getElementsByTagName("service").item(0))).containsExactly("service_code",
				"service_name", "description", "metadata", "type", "keywords", "group");
	}

	@Test
	void aServiceDefinitionOffersTheFormsChoicesAndASensitiveOneNamesTheAccusedAgency() {
		JsonNode roads = json(get(BASE + "/services/JALAN_JEMBATAN.json"), 200);
		assertThat(roads.get("service_code").asString()).isEqualTo("JALAN_JEMBATAN");
		List<String> codes = new ArrayList<>();
		roads.get("attributes").forEach(a -> codes.add(a.get("code").asString()));
		assertThat(codes).containsExactly("report_type", "title", "regency", "occurred_on", "anonymous",
				"confidential");
		JsonNode type = roads.get("attributes").get(0);
		assertThat(type.get("variable").asBoolean()).isTrue();
		assertThat(type.get("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(type.get("order").asInt()).isEqualTo(1);
		assertThat(type.get("values").toString()).contains("COMPLAINT", "ASPIRATION", "INFORMATION_REQUEST");

		JsonNode levies = json(get(BASE + "/services/PUNGLI.json"), 200);
		List<String> sensitive = new ArrayList<>();
		levies.get("attributes").forEach(a -> sensitive.add(a.get("code").asString() + ":" + a.get("variable")));
		assertThat(sensitive).contains("confidential:false", "accused_agency:true");

		Document xml = xml(get(BASE + "/services/JALAN_JEMBATAN.xml"), 200);
		Element root = xml.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("service_definition");
		assertThat(children(root)).containsExactly("service_code", "attributes");
		Element attribute = (Element) root.getElementsByTagName("attribute").item(0);
		assertThat(children(attribute)).containsExactly("variable", "code", "datatype", "required",
				"datatype_description", "order", "description", "values");
		assertThat(children(attribute.getElementsByTagName("value").item(0))).containsExactly("key", "name");

		JsonNode missing = json(get(BASE + "/services/TIDAK_ADA.json"), 404);
		assertThat(missing.get(0).get("code").asInt()).isEqualTo(404);
		assertThat(missing.get(0).get("description").asString()).contains("TIDAK_ADA");
		Document missingXml = xml(get(BASE + "/services/TIDAK_ADA.xml"), 404);
		assertThat(missingXml.getDocumentElement().getTagName()).isEqualTo("errors");
		assertThat(children(missingXml.getDocumentElement().getElementsByTagName("error").item(0)))
			.containsExactly("code", "description");
	}

	@Test
	void anotherJurisdictionOrFormatIsNotFound() {
		JsonNode other = json(get(BASE + "/services.json").param("jurisdiction_id", "sfgov.org"), 404);
		assertThat(other.get(0).get("description").asString()).contains("sfgov.org");
		assertThat(perform(get(BASE + "/services.csv")).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aCivicAppFilesAReportThatWalksTheSopAndIsReadBackWithoutItsReporter() throws Exception {
		JsonNode filed = json(filing("json", DEMO_KEY, aPothole("siti.open311@example.id")), 201);
		assertThat(filed.isArray()).isTrue();
		String code = filed.get(0).get("service_request_id").asString();
		assertThat(filed.get(0).get("service_notice").asString()).contains(code);
		assertThat(filed.get(0).has("token")).isFalse();
		assertThat(filed.get(0).has("account_id")).isTrue();

		Map<String, Object> stored = this.jdbc.sql("""
				select channel, reporter_email, reporter_phone, reporter_name, title, location_regency, category,
				  location_latitude from report where tracking_code = ?""")
			.param(code.replace("-", ""))
			.query()
			.singleRow();
		assertThat(stored).containsEntry("channel", "OPEN311")
			.containsEntry("reporter_email", "siti.open311@example.id")
			.containsEntry("reporter_phone", "+6281211112222")
			.containsEntry("reporter_name", "Siti Aminah")
			.containsEntry("title", "Lubang besar di depan sekolah")
			.containsEntry("location_regency", "Kota Jambi")
			.containsEntry("category", "JALAN_JEMBATAN");
		assertThat(this.jdbc.sql("select count(*) from open311_request where tracking_code = ?")
			.param(code.replace("-", ""))
			.query(Long.class)
			.single()).isEqualTo(1);

		// the reporter, not the app, gets the access key: by e-mail
		await().atMost(Duration.ofSeconds(20)).until(() -> receiptTo("siti.open311@example.id", code) != null);
		String receipt = (String) receiptTo("siti.open311@example.id", code).getContent();
		assertThat(receipt).contains(code).containsPattern("Kunci akses: \\S+");

		// the same filing in XML, as the spec shapes its answer
		Document filedXml = xml(filing("xml", DEMO_KEY, aPothole("siti.open311@example.id")), 201);
		assertThat(filedXml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		Element answer = (Element) filedXml.getDocumentElement().getElementsByTagName("request").item(0);
		assertThat(children(answer)).containsExactly("service_request_id", "service_notice", "account_id");
		assertThat(text(answer, "service_request_id")).matches("\\d{4}-\\d{4}-\\d{4}").isNotEqualTo(code);

		// unverified: found by its code, without its texts; not in the list
		JsonNode one = json(get(BASE + "/requests/" + code + ".json"), 200);
		assertThat(one.get(0).get("status").asString()).isEqualTo("open");
		assertThat(one.get(0).get("description").isNull()).isTrue();
		assertThat(listedCodes()).doesNotContain(code);

		// verified by the coordinator: listed, with its text, never with its reporter
		Fixture report = new Fixture(code, null);
		act(report, "forward", "nasional");
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		assertThat(listedCodes()).contains(code);
		MvcResult read = perform(get(BASE + "/requests/" + code + ".json"));
		assertThat(body(read)).doesNotContain("Siti", "Aminah", "siti.open311", "81211112222");
		JsonNode verified = this.json.readTree(body(read)).get(0);
		assertThat(verified.get("description").asString()).startsWith("Lubang besar di depan sekolah");
		assertThat(verified.get("service_code").asString()).isEqualTo("JALAN_JEMBATAN");
		assertThat(verified.get("lat").asDouble()).isEqualTo(-1.6101);
		assertThat(verified.get("requested_datetime").asString()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\+07:00");
		List<String> fields = new ArrayList<>();
		verified.propertyNames().forEach(fields::add);
		assertThat(fields).containsExactlyElementsOf(REQUEST_FIELDS);

		// assigned and dispositioned: the agency responsible and the resolution due time
		act(report, "assign", "koordinator");
		act(report, "dispose", "koordinator");
		JsonNode disposed = json(get(BASE + "/requests/" + code + ".json"), 200).get(0);
		assertThat(disposed.get("agency_responsible").asString()).isNotBlank();

		Document xml = xml(get(BASE + "/requests/" + code + ".xml"), 200);
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		Element request = (Element) xml.getDocumentElement().getElementsByTagName("request").item(0);
		assertThat(children(request)).containsExactlyElementsOf(REQUEST_FIELDS);
		assertThat(text(request, "service_request_id")).isEqualTo(code);

		// a token is the request's own id: a client written for batch servers still finds it
		JsonNode token = json(get(BASE + "/tokens/" + code + ".json"), 200);
		assertThat(token.get(0).get("service_request_id").asString()).isEqualTo(code);
		assertThat(token.get(0).get("token").asString()).isEqualTo(code);
		Document tokenXml = xml(get(BASE + "/tokens/" + code + ".xml"), 200);
		assertThat(children(tokenXml.getDocumentElement().getElementsByTagName("request").item(0)))
			.containsExactly("service_request_id", "token");
		json(get(BASE + "/tokens/ZZZZ-ZZZZ-ZZZZ.json"), 404);
	}

	private MimeMessage receiptTo(String address, String code) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(code);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).findFirst().orElse(null);
	}

	private List<String> listedCodes(String... params) {
		MockHttpServletRequestBuilder request = get(BASE + "/requests.json");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		List<String> codes = new ArrayList<>();
		json(request, 200).forEach(r -> codes.add(r.get("service_request_id").asString()));
		return codes;
	}

	@Test
	void theListShowsOnlyVerifiedReportsThatAreNotConfidentialAndNeverAnIdentity() throws Exception {
		Fixture open = reach(ReportStatus.VERIFIED);
		Fixture secret = reach(ReportStatus.VERIFIED, false, true);
		Fixture anonymous = reach(ReportStatus.VERIFIED, true, false);
		Fixture unverified = reach(ReportStatus.RECEIVED);

		List<String> listed = listedCodes();
		assertThat(listed).contains(open.code(), anonymous.code()).doesNotContain(secret.code(), unverified.code());
		MvcResult all = perform(get(BASE + "/requests.json"));
		assertThat(body(all)).doesNotContain("Budi", "budi@example.com", "3456-7890", "+6281234567890");
		MvcResult allXml = perform(get(BASE + "/requests.xml"));
		assertThat(body(allXml)).doesNotContain("Budi", "budi@example.com");

		// a confidential report is not found even by its code, alone or among others
		json(get(BASE + "/requests/" + secret.code() + ".json"), 404);
		assertThat(listedCodes("service_request_id", secret.code() + "," + open.code() + "," + unverified.code()))
			.containsExactly(open.code(), unverified.code());
	}

	@Test
	void theListFiltersByStatusServiceAndDatesWithinNinetyDays() {
		Fixture open = reach(ReportStatus.VERIFIED);
		Fixture archived = reach(ReportStatus.CLOSED);

		assertThat(listedCodes("status", "open")).contains(open.code()).doesNotContain(archived.code());
		assertThat(listedCodes("status", "closed")).contains(archived.code()).doesNotContain(open.code());
		assertThat(listedCodes("status", "open,closed")).contains(open.code(), archived.code());
		assertThat(listedCodes("service_code", "KESEHATAN")).doesNotContain(open.code());
		assertThat(listedCodes("service_code", "KESEHATAN,JALAN_JEMBATAN")).contains(open.code());
		String now = this.clock.instant().toString();
		assertThat(listedCodes("start_date", "2026-09-01T00:00:00+07:00", "end_date", now)).contains(open.code());
		assertThat(listedCodes("end_date", "2026-11-01T00:00:00Z")).doesNotContain(open.code());

		JsonNode span = json(get(BASE + "/requests.json").param("start_date", "2026-01-01T00:00:00Z")
			.param("end_date", "2026-06-01T00:00:00Z"), 400);
		assertThat(span.get(0).get("code").asInt()).isEqualTo(400);
		json(get(BASE + "/requests.json").param("start_date", "kemarin"), 400);
		json(get(BASE + "/requests.json").param("status", "pending"), 400);
		Document error = xml(get(BASE + "/requests.xml").param("status", "pending"), 400);
		assertThat(error.getDocumentElement().getTagName()).isEqualTo("errors");
	}

	@Test
	void filingNeedsAUsableKeyAndKeepsToTheClientsLimit() {
		long before = reports();
		JsonNode missing = json(filing("json", null, aPothole("a@example.id")), 403);
		assertThat(missing.get(0).get("code").asInt()).isEqualTo(403);
		json(filing("json", "o311_bukan-kunci", aPothole("a@example.id")), 403);
		Document wrongXml = xml(filing("xml", "o311_bukan-kunci", aPothole("a@example.id")), 403);
		assertThat(wrongXml.getDocumentElement().getTagName()).isEqualTo("errors");

		String key = issueKey("Aplikasi Jalan Rusak", 2);
		json(filing("json", key, aPothole("b@example.id")), 201);
		json(filing("json", key, aPothole("b@example.id")), 201);
		MvcResult limited = perform(filing("json", key, aPothole("b@example.id")));
		assertThat(limited.getResponse().getStatus()).isEqualTo(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(reports()).isEqualTo(before + 2);

		String revoked = issueKey("Aplikasi lama", 60);
		JsonNode clients = call(get("/api/v1/open311/clients").header("Authorization", "Bearer " + token("admin")), 200);
		String id = null;
		for (JsonNode client : clients) {
			assertThat(client.has("key")).isFalse();
			assertThat(client.toString()).doesNotContain(revoked);
			if (client.get("name").asString().equals("Aplikasi lama")) {
				id = client.get("id").asString();
			}
		}
		json(filing("json", revoked, aPothole("c@example.id")), 201);
		call(post("/api/v1/open311/clients/{id}/revocation", id).header("Authorization", "Bearer " + token("admin")),
				200);
		json(filing("json", revoked, aPothole("c@example.id")), 403);

		// only the system admin issues keys
		call(post("/api/v1/open311/clients").header("Authorization", "Bearer " + token("koordinator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}"), 403);
	}

	@Test
	void anAppThatRetriesWithItsIdempotencyKeyGetsTheFirstReportAgain() {
		long before = reports();
		String[] pothole = aPothole("retry.open311@example.id");
		JsonNode first = json(filing("json", DEMO_KEY, pothole).header("Idempotency-Key", "app-42-retry"), 201);
		JsonNode again = json(filing("json", DEMO_KEY, pothole).header("Idempotency-Key", "app-42-retry"), 201);
		String code = first.get(0).get("service_request_id").asString();
		assertThat(again.get(0).get("service_request_id").asString()).isEqualTo(code);
		assertThat(reports()).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("select count(*) from open311_request where tracking_code = ?")
			.param(code.replace("-", ""))
			.query(Long.class)
			.single()).isEqualTo(1);
		// the same key for something else is refused, and stores nothing
		String[] other = aPothole("retry.open311@example.id");
		other[9] = "Laporan lain sama sekali";
		JsonNode reused = json(filing("json", DEMO_KEY, other).header("Idempotency-Key", "app-42-retry"), 409);
		assertThat(reused.get(0).get("code").asInt()).isEqualTo(409);
		assertThat(reports()).isEqualTo(before + 1);
		// another app's key of the same name is its own
		String key = issueKey("Aplikasi kedua", 60);
		assertThat(json(filing("json", key, pothole).header("Idempotency-Key", "app-42-retry"), 201).get(0)
			.get("service_request_id")
			.asString()).isNotEqualTo(code);
	}

	private long reports() {
		return this.jdbc.sql("select count(*) from report where channel = 'OPEN311'").query(Long.class).single();
	}

	@Test
	void aFilingThatBreaksARuleIsRefusedWithEveryReasonAndStoresNothing() {
		long before = reports();
		JsonNode noService = json(filing("json", DEMO_KEY, "lat", "-1.6", "long", "103.6", "description", "x",
				"email", "d@example.id"), 400);
		assertThat(noService.get(0).get("description").asString()).contains("service_code");
		json(filing("json", DEMO_KEY, "service_code", "TIDAK_ADA", "lat", "-1.6", "long", "103.6", "description", "x",
				"email", "d@example.id"), 404);

		JsonNode broken = json(filing("json", DEMO_KEY, "service_code", "JALAN_JEMBATAN", "description", "Jalan rusak",
				"attribute[warna]", "merah"), 400);
		List<String> reasons = new ArrayList<>();
		broken.forEach(error -> reasons.add(error.get("description").asString()));
		assertThat(reasons).hasSize(3)
			.anyMatch(r -> r.contains("lat") && r.contains("address_string"))
			.anyMatch(r -> r.contains("email") && r.contains("phone"))
			.anyMatch(r -> r.contains("attribute[warna]"));

		JsonNode badEmail = json(filing("json", DEMO_KEY, "service_code", "JALAN_JEMBATAN", "address_string",
				"Jl. Sudirman", "description", "Jalan rusak", "email", "bukan-email"), 400);
		assertThat(badEmail.get(0).get("description").asString()).startsWith("email: ");
		JsonNode noText = json(filing("json", DEMO_KEY, "service_code", "JALAN_JEMBATAN", "address_string",
				"Jl. Sudirman", "email", "e@example.id"), 400);
		assertThat(noText.get(0).get("description").asString()).startsWith("description: ");

		JsonNode foreignPhoto = json(filing("json", DEMO_KEY, "service_code", "JALAN_JEMBATAN", "address_string",
				"Jl. Sudirman", "description", "Jalan rusak", "email", "e@example.id", "media_url",
				"http://169.254.169.254/latest/meta-data"), 400);
		assertThat(foreignPhoto.get(0).get("description").asString()).contains("media_url");
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void aPhotoFromATrustedHostIsCleanedKeptAndServedOnceTheReportIsVerified() throws Exception {
		photos.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "image/png")
			.body(new Buffer().write(ImageBombs.png(64, 48, 48)))
			.build());
		String link = photos.url("/foto/lubang.png").toString();
		JsonNode filed = json(filing("json", DEMO_KEY, "service_code", "JALAN_JEMBATAN", "address_string",
				"Jl. Sudirman, Kota Jambi", "description", "Lubang di jalan", "phone", "0812-7777-8888",
				"media_url", link), 201);
		String code = filed.get(0).get("service_request_id").asString();
		assertThat(this.jdbc.sql("""
				select count(*) from attachment f join report r on r.id = f.report_id
				where r.tracking_code = ? and f.content_type = 'image/png'""")
			.param(code.replace("-", ""))
			.query(Long.class)
			.single()).isEqualTo(1);
		Fixture report = new Fixture(code, null);
		assertThat(json(get(BASE + "/requests/" + code + ".json"), 200).get(0).get("media_url").isNull()).isTrue();
		act(report, "forward", "nasional");
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		String mediaUrl = json(get(BASE + "/requests/" + code + ".json"), 200).get(0).get("media_url").asString();
		assertThat(mediaUrl).contains("/open311/v2/media/" + code + "/");
		MvcResult photo = perform(get(mediaUrl.substring(mediaUrl.indexOf("/open311/"))));
		assertThat(photo.getResponse().getStatus()).isEqualTo(200);
		assertThat(photo.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(photo.getResponse().getContentAsByteArray()).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });

		// the reporter gave a phone number only: the receipt with the key goes by SMS
		assertThat(this.jdbc.sql("select count(*) from outbound_message where cause = ? and channel = 'SMS'")
			.param("open311-receipt:" + code)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
