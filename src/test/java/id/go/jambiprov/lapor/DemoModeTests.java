package id.go.jambiprov.lapor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode (accounts with a known password, channels with known secrets) is on by itself only
 * on the embedded H2 default; on PostgreSQL only when asked for; and then said loudly.
 */
class DemoModeTests {

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
		new DemoMode().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	@Test
	void onByItselfOnlyOnTheEmbeddedDefault() {
		StandardEnvironment embedded = environment(Map.of("spring.datasource.url", "jdbc:h2:file:./data/lapor"));
		assertThat(DemoMode.enabled(embedded)).isTrue();
		assertThat(embedded.getProperty("lapor.channels.whatsapp.app-secret")).isEqualTo("demo-whatsapp-app-secret");

		StandardEnvironment postgres = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/lapor"));
		assertThat(DemoMode.enabled(postgres)).isFalse();
		assertThat(postgres.getProperty("lapor.channels.whatsapp.app-secret")).isNull();

		StandardEnvironment asked = environment(
				Map.of("spring.datasource.url", "jdbc:postgresql://db/lapor", "lapor.demo.enabled", "true"));
		assertThat(DemoMode.enabled(asked)).isTrue();
		StandardEnvironment off = environment(Map.of("spring.datasource.url", "jdbc:h2:mem:x", "lapor.demo.enabled",
				"false"));
		assertThat(DemoMode.enabled(off)).isFalse();
		assertThat(off.getProperty("lapor.channels.telegram.secret-token")).isNull();
	}

	@Test
	void onPostgresqlWithoutAProfileThereIsNoSimulatorAndNoChannelWithDemoSecrets() throws Exception {
		try (ConfigurableApplicationContext service = SpringApplication.run(LaporApplication.class, "--server.port=0",
				"--spring.datasource.url=" + System.getenv().getOrDefault("LAPOR_TEST_DATABASE_URL",
						"jdbc:postgresql://127.0.0.1:5432/lapor_test"),
				"--spring.datasource.username=" + System.getenv().getOrDefault("LAPOR_TEST_DATABASE_USER", "postgres"),
				"--spring.datasource.password=" + System.getenv().getOrDefault("LAPOR_TEST_DATABASE_PASSWORD", ""),
				"--lapor.scheduler.enabled=false", "--spring.modulith.republish-outstanding-events-on-restart=false",
				"--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor},"
						+ "classpath:db/testdata")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/simulator")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base
					+ "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=demo-verify-token&hub.challenge=1"))
				.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
		}
	}

}
