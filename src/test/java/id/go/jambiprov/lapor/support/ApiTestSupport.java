package id.go.jambiprov.lapor.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the API tests: the whole application on PostgreSQL, driven through its HTTP API with
 * the demo accounts, on a clock the test sets. Reports reach a status only through the real
 * transitions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class ApiTestSupport {

	/** A second jurisdiction with its own coordinator and agency (db/testdata), to test scope. */
	public static final String OTHER_JURISDICTION = "TESTPROV";

	public static final String OTHER_AGENCY = "TESTDINAS";

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	/** The demo accounts (password demo12345); users the tests make have the password rahasia123. */
	private static final java.util.Set<String> DEMO_ACCOUNTS = java.util.Set.of("nasional", "koordinator", "dinkes",
			"putr", "disdik", "pengawas", "admin", "warga");

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected id.go.jambiprov.lapor.account.internal.SecondFactor secondFactor;

	@Autowired
	private UserAdministration users;

	/**
	 * The report module's repository, spied on (its own behaviour kept) so that a test can count
	 * how often a request reads a report. By name: the class is internal to its module.
	 */
	@MockitoSpyBean(name = "reportRepository")
	protected Object reportRepository;

	/** How often the report repository was asked for a report since the last {@code clearInvocations}. */
	protected long reportReads() {
		return org.mockito.Mockito.mockingDetails(this.reportRepository)
			.getInvocations()
			.stream()
			.filter(invocation -> invocation.getMethod().getName().startsWith("find"))
			.count();
	}

	/** A report a test made, with the secret only its reporter holds. */
	public record Fixture(String code, String accessKey) {
	}

	@BeforeEach
	void baseline() {
		this.clock.set(TestClockConfiguration.MONDAY_MORNING);
		this.users.createIfAbsent(
				new NewUser("koordinator-lain", "rahasia123", "Koordinator lain", Role.COORDINATOR, OTHER_JURISDICTION, null));
		this.users.createIfAbsent(
				new NewUser("pengawas-lain", "rahasia123", "Pengawas lain", Role.SUPERVISOR, OTHER_JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("warga2", "rahasia123", "Warga lain", Role.REPORTER, null, null));
	}

	/** A token for the user, issued within the last hour of the test clock (tokens expire). */
	protected String token(String username) {
		String key = username + "@" + this.clock.instant().getEpochSecond() / 3600;
		return TOKENS.computeIfAbsent(key, ignored -> {
			String name = username;
			String password = DEMO_ACCOUNTS.contains(name) ? "demo12345" : "rahasia123";
			Map<String, String> credentials = new HashMap<>(Map.of("username", name, "password", password));
			if (!DEMO_ACCOUNTS.contains(name)) {
				// a coordinator or national admin that is not a demo account has a second factor:
				// set one up now (again: the test clock may have gone back) and send its next code
				this.jdbc.sql("select id from app_user where username = ? and role in ('COORDINATOR', 'NATIONAL_ADMIN')")
					.param(name)
					.query(java.util.UUID.class)
					.optional()
					.ifPresent(id -> {
						this.secondFactor.remove(id);
						String secret = this.secondFactor.newSecret();
						this.secondFactor.enrol(id, secret, this.secondFactor.codeAt(secret, this.clock.instant()));
						credentials.put("otp", this.secondFactor.codeAt(secret, this.clock.instant().plusSeconds(30)));
					});
			}
			JsonNode answer = call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(credentials)), 200);
			return answer.get("access_token").asString();
		});
	}

	protected JsonNode call(MockHttpServletRequestBuilder request, int expectedStatus) {
		try {
			MvcResult result = this.mvc.perform(request).andReturn();
			String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(result.getResponse().getStatus()).as("status of %s %s, body %s", result.getRequest().getMethod(),
					result.getRequest().getRequestURI(), body)
				.isEqualTo(expectedStatus);
			return body.isEmpty() ? this.json.nullNode() : this.json.readTree(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected int status(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static Map<String, Object> reportBody(boolean anonymous, boolean confidential) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "COMPLAINT");
		body.put("title", "Jalan berlubang di Jl. Sudirman");
		body.put("description", "Sejak dua minggu jalan berlubang dan membahayakan pengendara motor.");
		body.put("category", "JALAN_JEMBATAN");
		body.put("occurredOn", "2026-11-20");
		body.put("location", Map.of("address", "Jl. Sudirman depan Pasar Angso Duo", "regency", "Kota Jambi",
				"latitude", -1.61, "longitude", 103.61));
		body.put("anonymous", anonymous);
		body.put("confidential", confidential);
		body.put("reporter", Map.of("name", "Budi Santoso", "email", "budi@example.com", "phone", "0812-3456-7890"));
		return body;
	}

	protected MockHttpServletRequestBuilder createRequest(Map<String, Object> body) {
		return post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

	protected Fixture submit(boolean anonymous, boolean confidential) {
		JsonNode created = call(createRequest(reportBody(anonymous, confidential)), 201);
		return new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
	}

	protected Fixture submit() {
		return submit(false, false);
	}

	/** Every field any action reads, so that an allowed action never fails on its body. */
	protected static Map<String, Object> fullActionBody() {
		Map<String, Object> body = new HashMap<>();
		body.put("jurisdiction", "JAMBI");
		body.put("agency", "DINKES");
		body.put("note", "Catatan petugas");
		body.put("reason", "Alasan tertulis");
		body.put("answer", "Jalan sudah ditambal pada 25 November.");
		body.put("message", "Belum diperbaiki, masih berlubang.");
		body.put("rating", 5);
		body.put("comment", "Terima kasih");
		return body;
	}

	protected MockHttpServletRequestBuilder actionRequest(Fixture report, String action, String username,
			Map<String, Object> body) {
		MockHttpServletRequestBuilder request = post("/api/v1/reports/{code}/actions/{action}", report.code(), action)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body));
		return username == null ? request.header("X-Access-Key", report.accessKey())
				: request.header("Authorization", "Bearer " + token(username));
	}

	/** Takes an action that must succeed; {@code username} null acts as the reporter by access key. */
	protected JsonNode act(Fixture report, String action, String username) {
		return act(report, action, username, fullActionBody());
	}

	protected JsonNode act(Fixture report, String action, String username, Map<String, Object> body) {
		return call(actionRequest(report, action, username, body), 200);
	}

	protected JsonNode view(Fixture report, String username) {
		return call(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token(username)),
				200);
	}

	protected JsonNode viewAsReporter(Fixture report) {
		return call(get("/api/v1/reports/{code}", report.code()).header("X-Access-Key", report.accessKey()), 200);
	}

	protected JsonNode timeline(Fixture report, String username) {
		MockHttpServletRequestBuilder request = get("/api/v1/reports/{code}/timeline", report.code());
		request = username == null ? request.header("X-Access-Key", report.accessKey())
				: request.header("Authorization", "Bearer " + token(username));
		return call(request, 200);
	}

	/** The path of real transitions that brings a new report to each status. */
	protected static final Map<ReportStatus, List<Step>> PATHS = Map.ofEntries(
			Map.entry(ReportStatus.SUBMITTED, List.of()),
			Map.entry(ReportStatus.FORWARDED, List.of(new Step("forward", "nasional"))),
			Map.entry(ReportStatus.RECEIVED,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"))),
			Map.entry(ReportStatus.VERIFIED, List.of(new Step("forward", "nasional"),
					new Step("receive", "koordinator"), new Step("verify", "koordinator"))),
			Map.entry(ReportStatus.RETURNED, List.of(new Step("forward", "nasional"),
					new Step("receive", "koordinator"), new Step("return", "koordinator"))),
			Map.entry(ReportStatus.RETURN_RECEIVED,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"),
							new Step("return", "koordinator"), new Step("acknowledge-return", "nasional"))),
			Map.entry(ReportStatus.ASSIGNED,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"),
							new Step("verify", "koordinator"), new Step("assign", "koordinator"))),
			Map.entry(ReportStatus.DISPOSED,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"),
							new Step("verify", "koordinator"), new Step("assign", "koordinator"),
							new Step("dispose", "koordinator"))),
			Map.entry(ReportStatus.IN_PROGRESS,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"),
							new Step("verify", "koordinator"), new Step("assign", "koordinator"),
							new Step("dispose", "koordinator"), new Step("accept", "dinkes"))),
			Map.entry(ReportStatus.ANSWERED,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"),
							new Step("verify", "koordinator"), new Step("assign", "koordinator"),
							new Step("dispose", "koordinator"), new Step("accept", "dinkes"),
							new Step("answer", "dinkes"))),
			Map.entry(ReportStatus.CLOSED,
					List.of(new Step("forward", "nasional"), new Step("receive", "koordinator"),
							new Step("verify", "koordinator"), new Step("assign", "koordinator"),
							new Step("dispose", "koordinator"), new Step("accept", "dinkes"),
							new Step("answer", "dinkes"), new Step("close", null))),
			Map.entry(ReportStatus.ON_HOLD, List.of(new Step("forward", "nasional"),
					new Step("receive", "koordinator"), new Step("hold", "koordinator"))),
			Map.entry(ReportStatus.ARCHIVED, List.of(new Step("archive", "nasional"))),
			Map.entry(ReportStatus.LINKED, List.of(new Step("forward", "nasional"),
					new Step("receive", "koordinator"), new Step("link", "koordinator"))));

	/** One action of a path; a null username is the reporter with the access key. */
	public record Step(String action, String username) {
	}

	/** Waits until the SLA module's clock of the report runs in that status (it is fed after commit). */
	protected void awaitClock(Fixture report, String status) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select status from sla_clock where tracking_code = ?")
				.param(report.code().replace("-", ""))
				.query(String.class)
				.optional()
				.filter(status::equals)
				.isPresent());
	}

	/**
	 * Waits until every event published so far has been handled by the listeners of the named
	 * one (a part of its class name, e.g. {@code "SlaFigureRollup"}): they run after commit.
	 */
	protected void awaitListeners(String listener) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("""
					select count(*) from event_publication where completion_date is null and listener_id like ?""")
				.param("%" + listener + "%")
				.query(Long.class)
				.single() == 0);
	}

	protected Fixture reach(ReportStatus status) {
		return reach(status, false, false);
	}

	protected Fixture reach(ReportStatus status, boolean anonymous, boolean confidential) {
		Fixture report = submit(anonymous, confidential);
		for (Step step : PATHS.get(status)) {
			if (step.action().equals("link")) {
				// a duplicate is linked to a main report of its own
				act(report, "link", step.username(), Map.of("main", reach(ReportStatus.RECEIVED).code()));
			}
			else {
				act(report, step.action(), step.username());
			}
		}
		assertThat(viewAsReporter(report).get("status").asString()).isEqualTo(status.name());
		return report;
	}

}
