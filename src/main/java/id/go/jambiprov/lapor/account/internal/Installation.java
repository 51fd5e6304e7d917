package id.go.jambiprov.lapor.account.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first accounts of a new installation, where four eyes cannot work yet (nobody is there to
 * approve): {@code LAPOR_INSTALL_SYSTEM_ADMIN} and {@code LAPOR_INSTALL_NATIONAL_ADMIN} name them.
 * Each is made only while no account of its role exists at all, so the setting does nothing
 * afterwards; its one-time link to set a password (24 hours) is written to the console of whoever
 * starts the service, and the change history says it came from the installation.
 */
@Component
class Installation {

	private static final Logger log = LoggerFactory.getLogger(Installation.class);

	private final AccountChanges changes;

	private final String systemAdmin;

	private final String nationalAdmin;

	Installation(AccountChanges changes, @Value("${lapor.install.system-admin:}") String systemAdmin,
			@Value("${lapor.install.national-admin:}") String nationalAdmin) {
		this.changes = changes;
		this.systemAdmin = systemAdmin;
		this.nationalAdmin = nationalAdmin;
	}

	@EventListener(ApplicationReadyEvent.class)
	void install() {
		install(Role.SYSTEM_ADMIN, this.systemAdmin);
		install(Role.NATIONAL_ADMIN, this.nationalAdmin);
	}

	private void install(Role role, String username) {
		if (username == null || username.isBlank()) {
			return;
		}
		String name = username.strip().toLowerCase(Locale.ROOT);
		this.changes.install(role, name).ifPresentOrElse(
				outcome -> log.warn("INSTALLATION: account {} ({}) made; its owner sets a password within 24 hours at {}",
						name, role, outcome.link()),
				() -> log.info("Installation setting for {} ignored: an account of that role exists", role));
	}

}
