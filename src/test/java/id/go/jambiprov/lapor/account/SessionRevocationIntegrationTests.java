package id.go.jambiprov.lapor.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an account signed in with ends when it must: disabling an officer or resetting their
 * password ends their page sessions and their API tokens at once; an officer's session ends after
 * twelve hours however busy, and after thirty idle minutes; a citizen who opened a report with
 * its key gets a new session id and can have a shared computer forget the key.
 */
class SessionRevocationIntegrationTests extends ApiTestSupport {

	private static final String SESSION = "SESSION";

	@Autowired
	UserAdministration users;

	private Cookie signIn(String username, String password) throws Exception {
		MvcResult login = this.mvc
			.perform(post("/masuk").with(csrf()).param("username", username).param("password", password))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("gagal");
		return login.getResponse().getCookie(SESSION);
	}

	private String apiToken(String username, String password) throws Exception {
		MvcResult issued = this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", password)))).andReturn();
		return this.json.readTree(issued.getResponse().getContentAsString()).get("access_token").asString();
	}

	private int inboxPage(Cookie session) throws Exception {
		return this.mvc.perform(get("/petugas").cookie(session)).andReturn().getResponse().getStatus();
	}

	private int inboxApi(String token) throws Exception {
		return this.mvc.perform(get("/api/v1/inbox").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private UUID liaison() {
		String username = "opd-" + Long.toString(System.nanoTime(), 36);
		return this.users.createIfAbsent(new NewUser(username, "rahasia123", "Petugas uji", Role.LIAISON, "JAMBI", "DINKES"));
	}

	private String username(UUID id) {
		return this.jdbc.sql("select username from app_user where id = ?").param(id).query(String.class).single();
	}

	@Test
	void disablingAnOfficerEndsTheirSessionAndTheirTokenAtOnce() throws Exception {
		UUID id = liaison();
		Cookie session = signIn(username(id), "rahasia123");
		String token = apiToken(username(id), "rahasia123");
		assertThat(inboxPage(session)).isEqualTo(200);
		assertThat(inboxApi(token)).isEqualTo(200);

		Cookie admin = signIn("admin", "demo12345");
		this.mvc.perform(post("/admin/pengguna/{id}/status", id).cookie(admin).with(csrf()).param("enabled", "false"))
			.andReturn();

		assertThat(inboxPage(session)).isEqualTo(302);
		assertThat(inboxApi(token)).isEqualTo(401);
	}

	@Test
	void resettingAPasswordEndsTheSessionsAndTokensOfTheOldOne() throws Exception {
		UUID id = liaison();
		Cookie session = signIn(username(id), "rahasia123");
		String token = apiToken(username(id), "rahasia123");
		Cookie admin = signIn("admin", "demo12345");
		this.mvc.perform(post("/admin/pengguna/{id}/sandi", id).cookie(admin).with(csrf())
			.param("reason", "lupa kata sandi")).andReturn();

		assertThat(inboxPage(session)).isEqualTo(302);
		assertThat(inboxApi(token)).isEqualTo(401);
		// the old password is gone; the new one is the officer's own, set through the link once approved
		assertThat(this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username(id), "password", "rahasia123"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		var approved = this.mvc.perform(post("/petugas/persetujuan/{id}/setujui", id)
			.cookie(signIn("koordinator", "demo12345"))
			.with(csrf())).andReturn();
		String link = (String) approved.getFlashMap().get("linkUrl");
		this.mvc.perform(post(link.substring(link.indexOf("/sandi/"))).with(csrf())
			.param("password", "Sungai Batanghari mengalir ke timur")
			.param("passwordAgain", "Sungai Batanghari mengalir ke timur")).andReturn();
		assertThat(inboxApi(apiToken(username(id), "Sungai Batanghari mengalir ke timur"))).isEqualTo(200);
	}

	@Test
	void anOfficersSessionEndsAfterTwelveHoursHoweverBusyAndAfterHalfAnHourIdle() throws Exception {
		UUID id = liaison();
		Cookie session = signIn(username(id), "rahasia123");
		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
			.param(username(id))
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);
		this.clock.set(Instant.now().plus(Duration.ofHours(11)));
		assertThat(inboxPage(session)).isEqualTo(200);
		this.clock.set(Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));
		MvcResult ended = this.mvc.perform(get("/petugas").cookie(session)).andReturn();
		assertThat(ended.getResponse().getRedirectedUrl()).endsWith("/masuk?berakhir");
	}

	@Test
	void aCitizenWhoOpensAReportGetsANewSessionIdAndCanHaveTheBrowserForgetTheKey() throws Exception {
		Fixture report = submit();
		Cookie before = this.mvc.perform(get("/laporan")).andReturn().getResponse().getCookie(SESSION);
		MvcResult opened = this.mvc.perform(post("/laporan").cookie(before).with(csrf())
			.param("kode", report.code())
			.param("kunci", report.accessKey())).andReturn();
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/laporan/" + report.code());
		Cookie after = opened.getResponse().getCookie(SESSION);
		assertThat(after).isNotNull();
		assertThat(before).isNotNull();
		assertThat(before.getValue()).isNotEqualTo(after.getValue());

		String page = this.mvc.perform(get("/laporan/{code}", report.code()).cookie(after))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Lupakan laporan ini di perangkat ini");
		MvcResult forgotten = this.mvc.perform(post("/laporan/{code}/lupakan", report.code()).cookie(after).with(csrf()))
			.andReturn();
		assertThat(forgotten.getResponse().getRedirectedUrl()).isEqualTo("/laporan");
		assertThat(this.mvc.perform(get("/laporan/{code}", report.code()).cookie(after))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).startsWith("/laporan?kode=");
	}

}
