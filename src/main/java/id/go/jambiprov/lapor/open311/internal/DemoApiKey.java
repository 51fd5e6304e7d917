package id.go.jambiprov.lapor.open311.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's Open311 client, with the known key {@code demo-open311-key}, so that a newcomer can
 * file a report from a civic app (or curl) at once. Only in demo mode, which never meets real
 * reports.
 */
@Component
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
class DemoApiKey implements ApplicationRunner {

	static final String KEY = "demo-open311-key";

	private final ApiClients clients;

	DemoApiKey(ApiClients clients) {
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.clients.ensure("Aplikasi demo", KEY, ApiClients.DEFAULT_RATE, "demo");
	}

}
