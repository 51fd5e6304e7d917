package id.go.jambiprov.lapor.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;
import id.go.jambiprov.lapor.support.QrCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two factors for those who see reporters (issue 12, item 2): a coordinator who is not a demo
 * account enrols at first sign-in (the QR code is read here, as a phone would), then signs in
 * with password and code, once per code, or with a recovery code, once each; the API asks for
 * the code in {@code otp}. The password alone opens nothing.
 */
class SecondFactorIntegrationTests extends ApiTestSupport {

	private static final String PASSWORD = "Sungai Batanghari mengalir ke timur";

	@Autowired
	UserAdministration users;

	private String coordinator() {
		String username = "koord-" + Long.toString(System.nanoTime(), 36);
		this.users.createIfAbsent(new NewUser(username, PASSWORD, "Koordinator uji", Role.COORDINATOR, "JAMBI", null));
		return username;
	}

	private MvcResult password(String username, String password) throws Exception {
		return this.mvc.perform(post("/masuk").with(csrf()).param("username", username).param("password", password))
			.andReturn();
	}

	private MockHttpServletResponse page(String path, Cookie session) throws Exception {
		return this.mvc.perform(get(path).cookie(session)).andReturn().getResponse();
	}

	private MockHttpServletResponse send(String path, Cookie session, String code) throws Exception {
		return this.mvc.perform(post(path).cookie(session).with(csrf()).param("code", code)).andReturn().getResponse();
	}

	/** What a phone's camera reads from the QR code on the page. */
	private static String readQr(String html) {
		Matcher image = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
		assertThat(image.find()).isTrue();
		return QrCodes.read(Base64.getDecoder().decode(image.group(1)));
	}

	private String enrol(String username) throws Exception {
		MvcResult signIn = password(username, PASSWORD);
		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/masuk/kode/daftar");
		Cookie session = signIn.getResponse().getCookie("SESSION");
		// the password alone opens nothing
		assertThat(page("/petugas", session).getStatus()).isNotEqualTo(200);
		String html = page("/masuk/kode/daftar", session).getContentAsString(StandardCharsets.UTF_8);
		String address = URLDecoder.decode(readQr(html), StandardCharsets.UTF_8);
		assertThat(address).startsWith("otpauth://totp/LAPOR Jambi:" + username).contains("issuer=LAPOR");
		String secret = address.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
		assertThat(html).contains(secret.substring(0, 4) + " " + secret.substring(4, 8));

		assertThat(send("/masuk/kode/daftar", session, "000000").getStatus()).isEqualTo(422);
		MockHttpServletResponse enrolled = send("/masuk/kode/daftar", session,
				this.secondFactor.codeAt(secret, this.clock.instant()));
		String codes = enrolled.getContentAsString(StandardCharsets.UTF_8);
		assertThat(codes).contains("Simpan kode pemulihan Anda");
		List<String> recovery = new ArrayList<>();
		Matcher code = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(codes);
		while (code.find()) {
			recovery.add(code.group(1));
		}
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		Cookie signedIn = enrolled.getCookie("SESSION") != null ? enrolled.getCookie("SESSION") : session;
		MockHttpServletResponse onward = this.mvc.perform(post("/masuk/kode/lanjut").cookie(signedIn).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(onward.getRedirectedUrl()).isEqualTo("/petugas");
		assertThat(page("/petugas", signedIn).getStatus()).isEqualTo(200);
		this.recovery = recovery;
		return secret;
	}

	private List<String> recovery;

	@Test
	void aCoordinatorEnrolsAtFirstSignInThenNeedsACodeEachTimeAndEachCodeWorksOnce() throws Exception {
		String username = coordinator();
		String secret = enrol(username);

		MvcResult again = password(username, PASSWORD);
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/masuk/kode");
		Cookie session = again.getResponse().getCookie("SESSION");
		assertThat(page("/petugas", session).getStatus()).isNotEqualTo(200);
		assertThat(send("/masuk/kode", session, "123456").getStatus()).isEqualTo(401);
		// the code used to enrol was used: it does not open a second sign-in
		assertThat(send("/masuk/kode", session, this.secondFactor.codeAt(secret, this.clock.instant())).getStatus())
			.isEqualTo(401);
		this.clock.advance(Duration.ofSeconds(30));
		MockHttpServletResponse in = send("/masuk/kode", session, this.secondFactor.codeAt(secret, this.clock.instant()));
		assertThat(in.getRedirectedUrl()).isEqualTo("/petugas");
		Cookie signedIn = in.getCookie("SESSION") != null ? in.getCookie("SESSION") : session;
		assertThat(page("/petugas", signedIn).getStatus()).isEqualTo(200);

		// a lost phone: a recovery code, once
		Cookie lost = password(username, PASSWORD).getResponse().getCookie("SESSION");
		assertThat(send("/masuk/kode", lost, this.recovery.get(0).toUpperCase()).getRedirectedUrl()).isEqualTo("/petugas");
		Cookie reused = password(username, PASSWORD).getResponse().getCookie("SESSION");
		assertThat(send("/masuk/kode", reused, this.recovery.get(0)).getStatus()).isEqualTo(401);
		assertThat(this.secondFactor.recoveryCodesLeft(
				this.jdbc.sql("select id from app_user where username = ?").param(username).query(java.util.UUID.class).single()))
			.isEqualTo(9);
	}

	@Test
	void theApiAsksForTheCodeInOtp() throws Exception {
		String username = coordinator();
		JsonNode enrolFirst = call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", PASSWORD))), 401);
		assertThat(enrolFirst.get("type").asString()).endsWith("/second-factor-required");
		assertThat(enrolFirst.get("detail").asString()).contains("/masuk");

		String secret = enrol(username);
		this.clock.advance(Duration.ofSeconds(30));
		JsonNode noCode = call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", PASSWORD))), 401);
		assertThat(noCode.get("type").asString()).endsWith("/second-factor-required");
		call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", PASSWORD, "otp", "000000"))),
				401);
		JsonNode token = call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", PASSWORD, "otp",
					this.secondFactor.codeAt(secret, this.clock.instant())))), 200);
		assertThat(token.get("access_token").asString()).isNotBlank();
	}

	@Test
	void otherOfficersAndTheDemoAccountsInDemoModeNeedNoSecondFactor() throws Exception {
		String liaison = "opd2-" + Long.toString(System.nanoTime(), 36);
		this.users.createIfAbsent(new NewUser(liaison, PASSWORD, "Penghubung uji", Role.LIAISON, "JAMBI", "DINKES"));
		assertThat(password(liaison, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/petugas");
		assertThat(password("koordinator", "demo12345").getResponse().getRedirectedUrl()).isEqualTo("/petugas");
		assertThat(this.mvc.perform(get("/masuk")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Mode demo: akun demo");
	}

	@Test
	void aLostPhoneIsResetOnlyByTwoPeople() throws Exception {
		String username = coordinator();
		enrol(username);
		java.util.UUID id = this.jdbc.sql("select id from app_user where username = ?").param(username)
			.query(java.util.UUID.class).single();
		Cookie admin = password("admin", "demo12345").getResponse().getCookie("SESSION");
		MvcResult asked = this.mvc.perform(post("/admin/pengguna/{id}/faktor-kedua", id).cookie(admin).with(csrf())
			.param("reason", "ponsel hilang")).andReturn();
		assertThat((String) asked.getFlashMap().get("done")).contains("menunggu persetujuan");
		assertThat(password(username, PASSWORD).getResponse().getRedirectedUrl()).as("still the old factor")
			.isEqualTo("/masuk/kode");

		Cookie coordinator = password("koordinator", "demo12345").getResponse().getCookie("SESSION");
		assertThat((String) this.mvc.perform(post("/petugas/persetujuan/{id}/setujui", id).cookie(coordinator).with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("failed")).isNotNull();
		Cookie national = password("nasional", "demo12345").getResponse().getCookie("SESSION");
		this.mvc.perform(post("/petugas/persetujuan/{id}/setujui", id).cookie(national).with(csrf()));
		assertThat(password(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/masuk/kode/daftar");
		assertThat(this.jdbc.sql("select change from user_change where user_id = ? order by id").param(id)
			.query(String.class).list()).endsWith("SECOND_FACTOR_RESET_REQUESTED", "SECOND_FACTOR_RESET");
	}

	@Test
	void anyOfficerMayTurnTheSecondFactorOnAndChangeTheirOwnPassword() throws Exception {
		String liaison = "opd3-" + Long.toString(System.nanoTime(), 36);
		this.users.createIfAbsent(new NewUser(liaison, PASSWORD, "Penghubung uji", Role.LIAISON, "JAMBI", "DINKES"));
		Cookie session = password(liaison, PASSWORD).getResponse().getCookie("SESSION");
		String html = page("/keamanan", session).getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Ganti kata sandi", "Belum aktif");
		String secret = URLDecoder.decode(readQr(html), StandardCharsets.UTF_8).replaceAll(".*secret=([A-Z2-7]+).*", "$1");
		assertThat(send("/keamanan/faktor-kedua", session, this.secondFactor.codeAt(secret, this.clock.instant()))
			.getContentAsString(StandardCharsets.UTF_8)).contains("Simpan kode pemulihan Anda");
		assertThat(page("/keamanan", session).getContentAsString(StandardCharsets.UTF_8)).contains("Faktor kedua aktif");

		String newPassword = "Candi Muaro Jambi di tepi sungai";
		MockHttpServletResponse wrong = this.mvc.perform(post("/keamanan/sandi").cookie(session).with(csrf())
			.param("current", "bukan-ini").param("password", newPassword).param("passwordAgain", newPassword))
			.andReturn()
			.getResponse();
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("Kata sandi sekarang salah.");
		MockHttpServletResponse weak = this.mvc.perform(post("/keamanan/sandi").cookie(session).with(csrf())
			.param("current", PASSWORD).param("password", "qwertyuiop123").param("passwordAgain", "qwertyuiop123"))
			.andReturn()
			.getResponse();
		assertThat(weak.getContentAsString(StandardCharsets.UTF_8)).contains("mudah ditebak");
		MockHttpServletResponse changed = this.mvc.perform(post("/keamanan/sandi").cookie(session).with(csrf())
			.param("current", PASSWORD).param("password", newPassword).param("passwordAgain", newPassword))
			.andReturn()
			.getResponse();
		assertThat(changed.getRedirectedUrl()).isEqualTo("/masuk?sandi");
		assertThat(page("/petugas", session).getStatus()).as("every session ended").isEqualTo(302);
		assertThat(password(liaison, PASSWORD).getResponse().getRedirectedUrl()).contains("gagal");
		assertThat(password(liaison, newPassword).getResponse().getRedirectedUrl()).isEqualTo("/masuk/kode");
	}

}
