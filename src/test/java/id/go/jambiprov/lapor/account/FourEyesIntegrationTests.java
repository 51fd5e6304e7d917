package id.go.jambiprov.lapor.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Four eyes on the accounts that can read reports (issue 12, item 1): the system admin asks, a
 * second person entitled to the role approves, and the account's owner sets their own password
 * through a one-time link. Reproduces the hole first: a national admin made by the system admin
 * used to sign in at once with the admin's password.
 */
class FourEyesIntegrationTests extends ChannelTestSupport {

	private static final String STRONG = "Sungai Batanghari mengalir ke timur";

	private Cookie signIn(String username, String password) throws Exception {
		MvcResult login = this.mvc
			.perform(post("/masuk").with(csrf()).param("username", username).param("password", password))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).as("sign-in of " + username).doesNotContain("gagal");
		return login.getResponse().getCookie("SESSION");
	}

	private int tokenStatus(String username, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", password))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private MvcResult create(Cookie admin, String username, String role, String jurisdiction, String agency,
			String email) throws Exception {
		var request = post("/admin/pengguna").cookie(admin).with(csrf()).param("username", username)
			.param("role", role).param("reason", "petugas baru, SK 12/2026")
			// what the old form took: the admin's own choice of password, ignored now
			.param("password", "pilihan-admin-123");
		if (jurisdiction != null) {
			request = request.param("jurisdiction", jurisdiction);
		}
		if (agency != null) {
			request = request.param("agency", agency);
		}
		if (email != null) {
			request = request.param("email", email);
		}
		return this.mvc.perform(request).andReturn();
	}

	private UUID id(String username) {
		return this.jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
	}

	private MvcResult approve(Cookie approver, String username) throws Exception {
		return this.mvc.perform(post("/petugas/persetujuan/{id}/setujui", id(username)).cookie(approver).with(csrf()))
			.andReturn();
	}

	private String page(String path, Cookie session) throws Exception {
		return this.mvc.perform(get(path).cookie(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String path(String link) {
		return link.substring(link.indexOf("/sandi/"));
	}

	@Test
	void aNationalAdminMadeByTheSystemAdminWaitsForASecondPersonAndSetsTheirOwnPassword() throws Exception {
		String username = "nasional-" + Long.toString(System.nanoTime(), 36);
		Cookie admin = signIn("admin", "demo12345");
		MvcResult made = create(admin, username, "NATIONAL_ADMIN", null, null, null);
		assertThat((String) made.getFlashMap().get("done")).contains("menunggu persetujuan Admin Nasional");
		assertThat(made.getFlashMap().get("linkUrl")).as("no link before approval").isNull();
		// the hole: the admin's chosen password, or any, does not open the account
		assertThat(tokenStatus(username, "pilihan-admin-123")).isEqualTo(401);

		// a coordinator may not approve a national admin; a national admin may
		Cookie coordinator = signIn("koordinator", "demo12345");
		assertThat(page("/petugas/persetujuan", coordinator)).doesNotContain(username);
		assertThat((String) approve(coordinator, username).getFlashMap().get("failed"))
			.isEqualTo("Permintaan ini tidak menunggu persetujuan Anda.");
		Cookie national = signIn("nasional", "demo12345");
		assertThat(page("/petugas/persetujuan", national)).contains(username, "petugas baru, SK 12/2026", "admin");
		MvcResult approved = approve(national, username);
		String link = (String) approved.getFlashMap().get("linkUrl");
		assertThat(link).contains("/sandi/");
		assertThat(tokenStatus(username, "pilihan-admin-123")).isEqualTo(401);

		// the owner sets a password: short and guessable ones are refused
		assertThat(page(path(link), national)).contains("Tetapkan kata sandi Anda", username);
		MvcResult tooShort = this.mvc.perform(post(path(link)).with(csrf()).param("password", "pendek123")
			.param("passwordAgain", "pendek123")).andReturn();
		assertThat(tooShort.getResponse().getStatus()).isEqualTo(422);
		assertThat(tooShort.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("paling sedikit 12");
		MvcResult weak = this.mvc.perform(post(path(link)).with(csrf()).param("password", "password1234")
			.param("passwordAgain", "password1234")).andReturn();
		assertThat(weak.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("mudah ditebak");
		MvcResult set = this.mvc.perform(post(path(link)).with(csrf()).param("password", STRONG)
			.param("passwordAgain", STRONG)).andReturn();
		assertThat(set.getResponse().getRedirectedUrl()).isEqualTo("/masuk?sandi");
		// the password is theirs and works; a national admin then sets up a second factor
		assertThat(this.mvc.perform(post("/masuk").with(csrf()).param("username", username).param("password", STRONG))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/masuk/kode/daftar");

		// the link works once
		assertThat(this.mvc.perform(get(path(link))).andReturn().getResponse().getStatus()).isEqualTo(404);

		// every change on record, for the system admin and the national admin
		JsonNode changes = call(get("/api/v1/users/{id}/changes", id(username)).header("Authorization",
				"Bearer " + token("admin")), 200);
		assertThat(changes.valueStream().map(c -> c.get("change").asString()).toList())
			.containsExactly("PASSWORD_SET", "APPROVED", "CREATED");
		assertThat(changes.get(1).get("by").asString()).isEqualTo("nasional");
		assertThat(changes.get(2).get("reason").asString()).isEqualTo("petugas baru, SK 12/2026");
		call(get("/api/v1/users/{id}/changes", id(username)).header("Authorization", "Bearer " + token("nasional")), 200);
		call(get("/api/v1/users/{id}/changes", id(username)).header("Authorization", "Bearer " + token("koordinator")), 403);
		call(get("/api/v1/users/{id}/changes", UUID.randomUUID()).header("Authorization", "Bearer " + token("admin")), 404);
		assertThat(page("/admin", admin)).contains("Riwayat perubahan (3)", "Disetujui", "oleh nasional");
	}

	@Test
	void aLiaisonIsApprovedByTheCoordinatorOfItsJurisdictionAndGetsItsLinkByMail() throws Exception {
		String username = "opd-" + Long.toString(System.nanoTime(), 36);
		Cookie admin = signIn("admin", "demo12345");
		create(admin, username, "LIAISON", null, "DINKES", username + "@dinkes.example");
		assertThat((String) approve(signIn("nasional", "demo12345"), username).getFlashMap().get("failed"))
			.as("a national admin does not approve a liaison officer").isNotNull();
		MvcResult approved = approve(signIn("koordinator", "demo12345"), username);
		assertThat((String) approved.getFlashMap().get("link")).contains("dikirim ke e-mail");
		assertThat(approved.getFlashMap().get("linkUrl")).isNull();
		await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(mail.getReceivedMessages())
			.anyMatch(m -> GreenMailUtil.getBody(m).contains(username) && GreenMailUtil.getBody(m).contains("/sandi/")));
	}

	@Test
	void enablingAReadingAccountAgainWaitsForApprovalAndNobodyApprovesThemselves() throws Exception {
		String username = "pengawas-" + Long.toString(System.nanoTime(), 36);
		Cookie admin = signIn("admin", "demo12345");
		create(admin, username, "SUPERVISOR", "JAMBI", null, null);
		MvcResult approved = approve(signIn("koordinator", "demo12345"), username);
		String link = (String) approved.getFlashMap().get("linkUrl");
		this.mvc.perform(post(path(link)).with(csrf()).param("password", STRONG).param("passwordAgain", STRONG));
		assertThat(tokenStatus(username, STRONG)).isEqualTo(200);

		this.mvc.perform(post("/admin/pengguna/{id}/status", id(username)).cookie(admin).with(csrf())
			.param("enabled", "false"));
		assertThat(tokenStatus(username, STRONG)).isEqualTo(401);
		MvcResult enabled = this.mvc.perform(post("/admin/pengguna/{id}/status", id(username)).cookie(admin).with(csrf())
			.param("enabled", "true")).andReturn();
		assertThat((String) enabled.getFlashMap().get("done")).contains("menunggu persetujuan");
		assertThat(tokenStatus(username, STRONG)).isEqualTo(401);
		approve(signIn("koordinator", "demo12345"), username);
		assertThat(tokenStatus(username, STRONG)).as("enabled again, with its own password").isEqualTo(200);
	}

	@Test
	void theChangeHistoryOnlyGrows() throws Exception {
		String username = "nasional-" + Long.toString(System.nanoTime(), 36);
		create(signIn("admin", "demo12345"), username, "NATIONAL_ADMIN", null, null, null);
		assertThatThrownBy(() -> this.jdbc.sql("update user_change set reason = 'x'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from user_change").update()).hasMessageContaining("append-only");
	}

	@Test
	void approvalsThroughTheApiFollowTheSameRules() throws Exception {
		String username = "koord-" + Long.toString(System.nanoTime(), 36);
		create(signIn("admin", "demo12345"), username, "COORDINATOR", "JAMBI", null, null);
		UUID id = id(username);
		assertThat(call(get("/api/v1/users/pending").header("Authorization", "Bearer " + token("koordinator")), 200)
			.toString()).doesNotContain(username);
		call(post("/api/v1/users/{id}/approval", id).header("Authorization", "Bearer " + token("koordinator")), 403);
		call(post("/api/v1/users/{id}/approval", id).header("Authorization", "Bearer " + token("dinkes")), 403);
		call(post("/api/v1/users/{id}/approval", id).header("Authorization", "Bearer " + token("admin")), 403);
		call(post("/api/v1/users/{id}/approval", id), 401);
		assertThat(call(get("/api/v1/users/pending").header("Authorization", "Bearer " + token("nasional")), 200)
			.toString()).contains(username);
		JsonNode approved = call(post("/api/v1/users/{id}/approval", id).header("Authorization",
				"Bearer " + token("nasional")), 200);
		assertThat(approved.get("link").asString()).contains("/sandi/");
		assertThat(approved.get("mailed").asBoolean()).isFalse();
		call(post("/api/v1/users/{id}/approval", id).header("Authorization", "Bearer " + token("nasional")), 403);
	}

}
