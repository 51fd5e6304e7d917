package id.go.jambiprov.lapor.account;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages' door: form login with a session whose id changes at login, CSRF on every form,
 * throttled guessing, officers' and admins' pages behind their roles, a Content Security Policy
 * without inline script, and the API untouched by any of it.
 */
class PageSecurityIntegrationTests extends ApiTestSupport {

	private static final String SESSION = "SESSION";

	private String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		assertThat(this.mvc.perform(multipart("/lapor").param("title", "Tanpa token CSRF")).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(post("/masuk").param("username", "nasional").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from report where title = 'Tanpa token CSRF'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void signingInChangesTheSessionIdAndTakesEachRoleToItsStartPage() throws Exception {
		Cookie before = this.mvc.perform(get("/masuk")).andReturn().getResponse().getCookie(SESSION);
		assertThat(before).isNotNull();
		MvcResult login = this.mvc.perform(post("/masuk").cookie(before)
			.with(csrf())
			.param("username", "koordinator")
			.param("password", "demo12345")).andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).endsWith("/petugas");
		Cookie after = login.getResponse().getCookie(SESSION);
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		assertThat(html(this.mvc.perform(get("/petugas").cookie(after)).andReturn()))
			.contains("Kotak masuk Admin Koordinator", "Keluar (koordinator)");
		// the id known before signing in opens nothing: a planted session id is worthless
		assertThat(this.mvc.perform(get("/petugas").cookie(before)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/masuk");
		// the session lives in the database, so another instance would serve it as well
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'koordinator'")
			.query(Integer.class)
			.single()).isPositive();

		MvcResult admin = this.mvc.perform(post("/masuk").with(csrf()).param("username", "admin").param("password", "demo12345"))
			.andReturn();
		assertThat(admin.getResponse().getRedirectedUrl()).endsWith("/admin");
		// a system admin never opens an officer's inbox
		assertThat(this.mvc.perform(get("/petugas").cookie(admin.getResponse().getCookie(SESSION)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void officersPagesSendStrangersToTheLoginForm() throws Exception {
		MvcResult result = this.mvc.perform(get("/petugas")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/masuk");
	}

	@Test
	void aWrongPasswordSaysSoAndRepeatedGuessesAreThrottled() throws Exception {
		MvcResult wrong = this.mvc.perform(post("/masuk").with(csrf()).param("username", "pengawas").param("password", "salah"))
			.andReturn();
		assertThat(wrong.getResponse().getRedirectedUrl()).endsWith("/masuk?gagal");
		assertThat(html(this.mvc.perform(get("/masuk").param("gagal", "")).andReturn()))
			.contains("Nama pengguna atau kata sandi salah.");
		String guessed = "penebak-" + System.nanoTime();
		String last = null;
		for (int i = 0; i < 12; i++) {
			last = this.mvc.perform(post("/masuk").with(csrf()).param("username", guessed).param("password", "x" + i))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
		}
		assertThat(last).endsWith("/masuk?terlalu-banyak");
		assertThat(html(this.mvc.perform(get("/masuk").param("terlalu-banyak", "")).andReturn()))
			.contains("Terlalu banyak percobaan masuk");
	}

	@Test
	void pagesForbidInlineScriptAndTheApiStaysStateless() throws Exception {
		MvcResult page = this.mvc.perform(get("/lapor")).andReturn();
		String policy = page.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(html(page)).doesNotContain("<script>", "style=\"", "onclick");
		MvcResult api = this.mvc.perform(post("/api/v1/reports").contentType("application/json").content("""
				{"type":"COMPLAINT","title":"API tanpa CSRF","description":"d","reporter":{"phone":"081234567890"}}"""))
			.andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(201);
		assertThat(api.getResponse().getCookies()).isEmpty();
	}

	@Test
	void aCitizenRegistersWithAPhoneNumberAndFindsTheirReportsUnderMyReports() throws Exception {
		String phone = "0813" + String.valueOf(System.nanoTime()).substring(5, 12);
		MvcResult registered = this.mvc.perform(post("/daftar").with(csrf())
			.param("name", "Budi")
			.param("login", phone)
			.param("password", "rahasia-budi")
			.param("passwordAgain", "rahasia-budi")).andReturn();
		assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/masuk?terdaftar");
		String username = "+62" + phone.substring(1);
		MvcResult again = this.mvc.perform(post("/daftar").with(csrf())
			.param("login", username)
			.param("password", "rahasia-budi")
			.param("passwordAgain", "rahasia-budi")).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		assertThat(html(again)).contains("Sudah ada akun");

		MvcResult login = this.mvc.perform(post("/masuk").with(csrf()).param("username", username).param("password", "rahasia-budi"))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).endsWith("/akun");
		Cookie session = login.getResponse().getCookie(SESSION);
		MvcResult filed = this.mvc.perform(multipart("/lapor").cookie(session)
			.with(csrf())
			.param("type", "ASPIRATION")
			.param("title", "Taman kota perlu lampu")
			.param("description", "Taman Anggrek gelap pada malam hari.")
			.param("key", "k-" + System.nanoTime())).andReturn();
		assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/lapor/tanda-terima");
		assertThat(html(this.mvc.perform(get("/akun").cookie(session)).andReturn())).contains("Taman kota perlu lampu");
	}

}
