package id.go.jambiprov.lapor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default, exactly as a newcomer starts it (no profile, no settings but a port and
 * the folder of its H2 file): demo accounts log in and a report walks its first steps.
 */
class EmbeddedDefaultSmokeTests {

	@TempDir
	Path folder;

	@Test
	void theEmbeddedDefaultRunsTheSopWithTheDemoAccounts() throws Exception {
		String url = "jdbc:h2:file:" + this.folder.resolve("lapor")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (ConfigurableApplicationContext context = SpringApplication.run(LaporApplication.class,
				"--server.port=0", "--spring.datasource.url=" + url)) {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			JsonMapper json = JsonMapper.builder().build();
			JsonNode token = json.readTree(post(http, base + "/api/v1/auth/token", null,
					"{\"username\":\"nasional\",\"password\":\"demo12345\"}", 200));
			JsonNode created = json.readTree(post(http, base + "/api/v1/reports", null, """
					{"type":"INFORMATION_REQUEST","title":"Jadwal vaksinasi","description":"Kapan jadwal vaksinasi di Puskesmas?",
					 "reporter":{"phone":"081234567890"}}""", 201));
			String code = created.get("trackingCode").asString();
			JsonNode forwarded = json.readTree(post(http, base + "/api/v1/reports/" + code + "/actions/forward",
					token.get("access_token").asString(), "{\"jurisdiction\":\"JAMBI\"}", 200));
			assertThat(forwarded.get("status").asString()).isEqualTo("FORWARDED");
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/track/" + code)).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

			// similar reports on H2: the words the titles and chronologies share
			String coordinator = json.readTree(post(http, base + "/api/v1/auth/token", null,
					"{\"username\":\"koordinator\",\"password\":\"demo12345\"}", 200)).get("access_token").asString();
			String[] codes = new String[3];
			String[] titles = { "Lampu jalan padam di Jl. Gatot Subroto", "Lampu jalan Jl. Gatot Subroto padam lagi",
					"Sekolah bocor di Desa Pematang" };
			for (int i = 0; i < 3; i++) {
				codes[i] = json.readTree(post(http, base + "/api/v1/reports", null, """
						{"type":"COMPLAINT","title":"%s","description":"Sudah seminggu, mohon ditangani.",
						 "reporter":{"phone":"081234567890"}}""".formatted(titles[i]), 201)).get("trackingCode").asString();
				post(http, base + "/api/v1/reports/" + codes[i] + "/actions/forward", token.get("access_token").asString(),
						"{\"jurisdiction\":\"JAMBI\"}", 200);
				post(http, base + "/api/v1/reports/" + codes[i] + "/actions/receive", coordinator, "{}", 200);
			}
			String similar = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + codes[1] + "/similar"))
				.header("Authorization", "Bearer " + coordinator)
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			assertThat(similar).contains(codes[0]).doesNotContain(codes[2]);

			// Open311 on H2: the demo key files, the verified report is listed
			HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.json"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("api_key=demo-open311-key&service_code=JALAN_JEMBATAN"
						+ "&address_string=Jl.+Sudirman&description=Jalan+berlubang&phone=081234567890"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
			String civic = json.readTree(filed.body()).get(0).get("service_request_id").asString();
			post(http, base + "/api/v1/reports/" + civic + "/actions/forward", token.get("access_token").asString(),
					"{\"jurisdiction\":\"JAMBI\"}", 200);
			post(http, base + "/api/v1/reports/" + civic + "/actions/receive", coordinator, "{}", 200);
			post(http, base + "/api/v1/reports/" + civic + "/actions/verify", coordinator, "{}", 200);
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.xml")).build(),
					HttpResponse.BodyHandlers.ofString()).body()).contains("<service_request_id>" + civic);

			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// the SLA sweep runs under db-scheduler
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(20))
				.until(() -> !jdbc.sql("select 1 from scheduled_tasks where task_name = 'sla-sweep' and last_success is not null")
					.query(Integer.class)
					.list()
					.isEmpty());
			assertThatThrownBy(() -> jdbc.sql("delete from timeline_entry").update())
				.hasMessageContaining("append-only");

			// the export records: append-only, but the retention task's opening deletes (as it runs)
			jdbc.sql("""
					insert into inbox_export (exported_at, username, role, filters, format, row_count, complete)
					values (timestamp with time zone '2019-01-01 00:00:00+00', 'lama', 'COORDINATOR', '', 'csv', 1, true)""")
				.update();
			assertThatThrownBy(() -> jdbc.sql("delete from inbox_export where username = 'lama'").update())
				.hasMessageContaining("append-only");
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
				jdbc.sql("set @lapor_purge_before = ?").param(java.sql.Timestamp.valueOf("2021-01-01 00:00:00")).update();
				assertThat(jdbc.sql("delete from inbox_export where username = 'lama'").update()).isOne();
				jdbc.sql("set @lapor_purge_before = null").update();
			});
			jdbc.sql("""
					insert into inbox_export (exported_at, username, role, filters, format, row_count, complete)
					values (timestamp with time zone '2026-01-01 00:00:00+00', 'baru', 'COORDINATOR', '', 'csv', 1, true)""")
				.update();
			assertThatThrownBy(() -> jdbc.sql("update inbox_export set row_count = 0").update())
				.hasMessageContaining("append-only");
		}
	}

	private static String post(HttpClient http, String url, String token, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		return response.body();
	}

}
