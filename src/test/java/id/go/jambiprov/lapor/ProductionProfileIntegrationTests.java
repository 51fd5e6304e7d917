package id.go.jambiprov.lapor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as production runs it (profile {@code prod}, PostgreSQL, secrets given) behind a
 * TLS-terminating proxy: the API description is off unless switched on, HSTS and a Secure session
 * cookie follow the proxy's word that the request was https, and browsers find a favicon.
 */
class ProductionProfileIntegrationTests {

	private static ConfigurableApplicationContext service;

	private static String base;

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start() {
		service = SpringApplication.run(LaporApplication.class, "--spring.profiles.active=prod", "--server.port=0",
				"--spring.datasource.url=" + System.getenv().getOrDefault("LAPOR_TEST_DATABASE_URL",
						"jdbc:postgresql://127.0.0.1:5432/lapor_test"),
				"--spring.datasource.username=" + System.getenv().getOrDefault("LAPOR_TEST_DATABASE_USER", "postgres"),
				"--spring.datasource.password=" + System.getenv().getOrDefault("LAPOR_TEST_DATABASE_PASSWORD", ""),
				"--lapor.security.token-secret=production-test-secret-0123456789abcdef",
				// this instance shares the test database: it runs no scheduled work of its own
				"--lapor.scheduler.enabled=false", "--spring.modulith.republish-outstanding-events-on-restart=false",
				"--spring.flyway.locations=classpath:db/migration/common,"
						+ "classpath:db/migration/{vendor},classpath:db/testdata");
		base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	private static HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theApiDescriptionIsOffInProduction() throws Exception {
		assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(404);
		assertThat(get("/swagger-ui.html", null).statusCode()).isEqualTo(404);
	}

	@Test
	void behindATlsProxyThePagesSendHstsAndASecureSessionCookie() throws Exception {
		HttpResponse<String> secure = get("/masuk", "https");
		assertThat(secure.statusCode()).isEqualTo(200);
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(secure.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION=") && c.contains("Secure"));
		HttpResponse<String> plain = get("/masuk", null);
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void browsersFindAFavicon() throws Exception {
		HttpResponse<String> icon = get("/favicon.ico", null);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("icon"));
	}

}
