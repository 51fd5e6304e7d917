package id.go.jambiprov.lapor.account;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.LaporApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation in production gets its first system admin and national admin from two
 * settings, once: each with a link to set its own password, the change history saying so; the
 * settings do nothing once an account of the role exists.
 */
class InstallationIntegrationTests {

	private static final String URL = System.getenv().getOrDefault("LAPOR_TEST_DATABASE_URL",
			"jdbc:postgresql://127.0.0.1:5432/lapor_test");

	private static final String USER = System.getenv().getOrDefault("LAPOR_TEST_DATABASE_USER", "postgres");

	private static final String PASSWORD = System.getenv().getOrDefault("LAPOR_TEST_DATABASE_PASSWORD", "");

	private static void sql(String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement s = connection.createStatement()) {
			s.execute(statement);
		}
	}

	private static ConfigurableApplicationContext start(String database) {
		return SpringApplication.run(LaporApplication.class, "--spring.profiles.active=prod", "--server.port=0",
				"--spring.datasource.url=" + URL.substring(0, URL.lastIndexOf('/') + 1) + database,
				"--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
				"--lapor.security.token-secret=installation-test-secret-0123456789abcdef",
				"--lapor.scheduler.enabled=false", "--lapor.install.system-admin=admin.diskominfo",
				"--lapor.install.national-admin=Admin.Nasional");
	}

	@Test
	void theFirstAccountsComeFromTheInstallationOnceWithTheirOwnPasswordLinks() throws Exception {
		String database = "lapor_install_" + Long.toString(System.nanoTime(), 36);
		sql("create database " + database);
		try {
			try (ConfigurableApplicationContext service = start(database)) {
				JdbcClient jdbc = service.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select username || ':' || role from app_user order by role").query(String.class).list())
					.containsExactly("admin.nasional:NATIONAL_ADMIN", "admin.diskominfo:SYSTEM_ADMIN");
				assertThat(jdbc.sql("select count(*) from password_link where used_at is null").query(Integer.class)
					.single()).isEqualTo(2);
				assertThat(jdbc.sql("select changed_by_name from user_change").query(String.class).list())
					.containsOnly("(instalasi / installation)");
			}
			try (ConfigurableApplicationContext again = start(database)) {
				assertThat(again.getBean(JdbcClient.class).sql("select count(*) from app_user").query(Integer.class)
					.single()).as("the settings do nothing the second time").isEqualTo(2);
			}
		}
		finally {
			sql("drop database if exists " + database + " with (force)");
		}
	}

}
