package id.go.jambiprov.lapor;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups that restore: {@code ops/backup.sh} taken while reports keep arriving, restored by
 * {@code ops/restore.sh} into a fresh database, and the service started on it holds every report
 * acknowledged before the backup began, with its timeline chain intact.
 */
class BackupRestoreIntegrationTests extends ApiTestSupport {

	private static final String URL = System.getenv().getOrDefault("LAPOR_TEST_DATABASE_URL",
			"jdbc:postgresql://127.0.0.1:5432/lapor_test");

	private static final String USER = System.getenv().getOrDefault("LAPOR_TEST_DATABASE_USER", "postgres");

	private static final String PASSWORD = System.getenv().getOrDefault("LAPOR_TEST_DATABASE_PASSWORD", "");

	private static Map<String, String> libpq(String database) {
		URI uri = URI.create(URL.substring("jdbc:".length()));
		return Map.of("PGHOST", uri.getHost(), "PGPORT", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
				"PGUSER", USER, "PGPASSWORD", PASSWORD, "PGDATABASE", database);
	}

	private static String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
		return output;
	}

	@Test
	void aBackupTakenUnderLoadRestoresIntoAFreshDatabaseWithEveryAcknowledgedReport() throws Exception {
		List<String> acknowledged = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			acknowledged.add(submit().code());
		}
		// reports keep arriving while the backup runs
		AtomicBoolean loading = new AtomicBoolean(true);
		List<String> during = new CopyOnWriteArrayList<>();
		Thread load = new Thread(() -> {
			while (loading.get()) {
				during.add(submit().code());
			}
		});
		load.start();
		String source = URI.create(URL.substring("jdbc:".length())).getPath().substring(1);
		Path dump = Files.createTempFile("lapor-", ".dump");
		String written;
		try {
			written = run(libpq(source), "bash", "ops/backup.sh", dump.toString()).strip();
		}
		finally {
			loading.set(false);
			load.join();
		}
		assertThat(written).endsWith(dump.toString());

		String restored = "lapor_restore_" + Long.toString(System.nanoTime(), 36);
		run(libpq(restored), "bash", "ops/restore.sh", dump.toString(), restored);
		String restoredUrl = URL.substring(0, URL.lastIndexOf('/') + 1) + restored;
		ConfigurableApplicationContext service = SpringApplication.run(LaporApplication.class,
				"--spring.profiles.active=prod", "--server.port=0", "--spring.datasource.url=" + restoredUrl,
				"--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
				"--lapor.security.token-secret=restore-test-secret-0123456789abcdef",
				"--lapor.scheduler.enabled=false", "--spring.modulith.republish-outstanding-events-on-restart=false",
				"--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor},"
						+ "classpath:db/testdata");
		try {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			List<String> there = jdbc.sql("select tracking_code from report").query(String.class).list();
			assertThat(there).containsAll(acknowledged.stream().map(c -> c.replace("-", "")).toList());
			// the restored timelines still hold their hash chains
			var integrity = service.getBean(id.go.jambiprov.lapor.report.internal.TimelineIntegrity.class);
			assertThat(integrity.verifyChangedSince(java.time.Instant.EPOCH)).isEmpty();
		}
		finally {
			service.close();
			this.jdbc.sql("drop database " + restored + " with (force)").update();
			Files.deleteIfExists(dump);
		}
		assertThat(during).as("reports kept arriving during the backup").isNotEmpty();
	}

}
