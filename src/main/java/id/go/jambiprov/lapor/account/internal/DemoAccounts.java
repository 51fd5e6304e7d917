package id.go.jambiprov.lapor.account.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the embedded default (DESIGN.md §7), created at start-up when missing,
 * and printed to the console with the address once the service is ready. Never in production.
 */
@Component
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	static final String PASSWORD = "demo12345";

	/** Officers' demo mail goes to the reserved .example domain: nobody real receives it. */
	static final List<NewUser> USERS = List.of(
			new NewUser("nasional", PASSWORD, "Admin Nasional (KemenPAN RB)", Role.NATIONAL_ADMIN, null, null,
					"nasional@lapor.example"),
			new NewUser("koordinator", PASSWORD, "Admin Koordinator Diskominfo Provinsi Jambi", Role.COORDINATOR,
					"JAMBI", null, "koordinator@lapor.example"),
			new NewUser("dinkes", PASSWORD, "Pejabat Penghubung Dinas Kesehatan", Role.LIAISON, "JAMBI", "DINKES",
					"dinkes@lapor.example"),
			new NewUser("putr", PASSWORD, "Pejabat Penghubung Dinas PUTR", Role.LIAISON, "JAMBI", "PUTR",
					"putr@lapor.example"),
			new NewUser("disdik", PASSWORD, "Pejabat Penghubung Dinas Pendidikan", Role.LIAISON, "JAMBI", "DISDIK",
					"disdik@lapor.example"),
			new NewUser("pengawas", PASSWORD, "Pengawas Inspektorat Provinsi Jambi", Role.SUPERVISOR, "JAMBI", null,
					"pengawas@lapor.example"),
			new NewUser("admin", PASSWORD, "Admin Sistem", Role.SYSTEM_ADMIN, null, null),
			new NewUser("warga", PASSWORD, "Warga Demo", Role.REPORTER, null, null));

	private final UserStore users;

	private final Environment environment;

	DemoAccounts(UserStore users, Environment environment) {
		this.users = users;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		USERS.forEach(this.users::createIfAbsent);
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		String port = this.environment.getProperty("local.server.port", "8080");
		StringBuilder banner = new StringBuilder();
		banner.append("\n\n  LAPOR Jambi siap / is ready: http://localhost:").append(port).append('\n');
		banner.append("  API: http://localhost:").append(port).append("/swagger-ui.html\n");
		banner.append("  Akun demo / demo accounts (kata sandi / password: ").append(PASSWORD).append("):\n");
		for (NewUser user : USERS) {
			banner.append(String.format("    %-12s %-15s %s%n", user.username(), user.role(),
					user.agency() != null ? user.agency() : user.jurisdiction() != null ? user.jurisdiction() : "-"));
		}
		banner.append("  Akun demo masuk tanpa faktor kedua; Admin Nasional dan Admin Koordinator lain wajib memakainya /\n")
			.append("  the demo accounts sign in without a second factor; other national admins and coordinators must use one\n");
		log.info(banner.toString());
		if (!this.environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
			log.warn("DEMO MODE IS ON WITH A REAL DATABASE (lapor.demo.enabled=true): anyone may sign in with the demo "
					+ "accounts and their password. Never with real reports.");
		}
		else {
			log.warn("Demo mode (embedded H2 default): demo accounts and simulated channels are on; "
					+ "not for real reports.");
		}
	}

}
