package id.go.jambiprov.lapor.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import id.go.jambiprov.lapor.LaporApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting reads on a real PostgreSQL streaming replica, which {@code scripts/test.sh}
 * starts beside a primary of its own ({@code scripts/replica.sh}): the service reads its figures
 * there, and falls back to the primary while the replica lags more than allowed or is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingReplicaIntegrationTests {

	private static final String PRIMARY = System.getenv("LAPOR_TEST_REPLICA_PRIMARY_URL");

	private static final String REPLICA = System.getenv("LAPOR_TEST_REPLICA_URL");

	private static HikariDataSource pool(String url) {
		return DataSourceBuilder.create().type(HikariDataSource.class).url(url).username("postgres").password("").build();
	}

	@Test
	@Order(1)
	void theServiceReadsItsFiguresOnTheReplica() throws Exception {
		assertThat(PRIMARY).as("run through scripts/test.sh, which starts the replica (LAPOR_TEST_REPLICA_*)").isNotNull();
		try (ConfigurableApplicationContext service = SpringApplication.run(LaporApplication.class,
				"--spring.profiles.active=prod", "--server.port=0", "--spring.datasource.url=" + PRIMARY,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--lapor.replica.url=" + REPLICA, "--lapor.security.token-secret=replica-test-secret-0123456789abcdef",
				"--lapor.scheduler.enabled=false", "--spring.modulith.republish-outstanding-events-on-restart=false")) {
			ReportingReads reads = service.getBean(ReportingReads.class);
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "replica".equals(reads.reads().name()));
			// the replica answers (it is in recovery), and the public statistics read there
			assertThat(reads.reads().jdbc().sql("select pg_is_in_recovery()").query(Boolean.class).single()).isTrue();
			String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> statistics = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/statistics")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(statistics.statusCode()).isEqualTo(200);
			HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
		}
	}

	@Test
	@Order(2)
	void aLaggingOrStoppedReplicaLeavesTheReadsToThePrimary() throws Exception {
		assertThat(PRIMARY).as("run through scripts/test.sh, which starts the replica (LAPOR_TEST_REPLICA_*)").isNotNull();
		AtomicLong nanos = new AtomicLong(0);
		try (HikariDataSource primary = pool(PRIMARY); HikariDataSource replicaPool = pool(REPLICA)) {
			JdbcClient write = JdbcClient.create(primary);
			write.sql("drop table if exists replica_probe").update();
			write.sql("create table replica_probe (n int)").update();
			write.sql("insert into replica_probe values (1)").update();
			ReportingReads reads = new ReportingReads(primary, pool(REPLICA), Duration.ofSeconds(30), nanos::get);
			try {
				Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
					reads.check();
					return "replica".equals(reads.reads().name()) && count(reads) == 1;
				});

				// the replica stops replaying: still read there within the allowed lag (and stale)
				JdbcClient replica = JdbcClient.create(replicaPool);
				replica.sql("select pg_wal_replay_pause()").query().singleValue();
				write.sql("insert into replica_probe values (2)").update();
				nanos.addAndGet(Duration.ofSeconds(10).toNanos());
				reads.check();
				assertThat(reads.reads().name()).isEqualTo("replica");
				assertThat(count(reads)).isEqualTo(1);
				assertThat(reads.health().getStatus().getCode()).isEqualTo("UP");

				// past the allowed lag: the primary answers, with both rows
				nanos.addAndGet(Duration.ofSeconds(25).toNanos());
				reads.check();
				assertThat(reads.reads().name()).isEqualTo("primary");
				assertThat(count(reads)).isEqualTo(2);
				assertThat(reads.health().getStatus().getCode()).isEqualTo("WARNING");
				assertThat(reads.lagSeconds()).isGreaterThan(30);

				// replaying again: back to the replica once it caught up
				replica.sql("select pg_wal_replay_resume()").query().singleValue();
				Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
					reads.check();
					return "replica".equals(reads.reads().name());
				});
				assertThat(count(reads)).isEqualTo(2);

				// the replica stops: the primary answers, the health says why
				run(System.getenv("LAPOR_TEST_REPLICA_STOP"));
				try {
					reads.check();
					assertThat(reads.reads().name()).isEqualTo("primary");
					assertThat(count(reads)).isEqualTo(2);
					assertThat(reads.health().getDetails()).containsKey("problem");
				}
				finally {
					run(System.getenv("LAPOR_TEST_REPLICA_START"));
				}
				Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
					reads.check();
					return "replica".equals(reads.reads().name());
				});
			}
			finally {
				reads.destroy();
				write.sql("drop table replica_probe").update();
			}
		}
	}

	private static long count(ReportingReads reads) {
		return reads.reads().jdbc().sql("select count(*) from replica_probe").query(Long.class).single();
	}

	private static void run(String command) throws Exception {
		Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

}
