package id.go.jambiprov.lapor;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without a PostgreSQL database and the secrets it
 * needs, naming each missing setting, before anything else (an embedded database, a generated
 * secret) could quietly stand in for them.
 */
class ProductionSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final int MIN_SECRET_LENGTH = 32;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!environment.matchesProfiles("prod")) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("LAPOR Jambi (profile prod) tidak dapat dimulai / cannot start:\n - "
					+ String.join("\n - ", problems));
		}
	}

	static List<String> problems(ConfigurableEnvironment environment) {
		List<String> problems = new ArrayList<>();
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || url.isBlank()) {
			problems.add("SPRING_DATASOURCE_URL belum diisi / is not set (jdbc:postgresql://host:5432/db)");
		}
		else if (!url.startsWith("jdbc:postgresql:")) {
			problems.add("SPRING_DATASOURCE_URL harus PostgreSQL / must be a PostgreSQL URL (jdbc:postgresql://...)");
		}
		String user = environment.getProperty("spring.datasource.username");
		if (user == null || user.isBlank()) {
			problems.add("SPRING_DATASOURCE_USERNAME belum diisi / is not set");
		}
		String secret = environment.getProperty("lapor.security.token-secret");
		if (secret == null || secret.isBlank()) {
			problems.add("LAPOR_SECURITY_TOKEN_SECRET belum diisi / is not set (at least " + MIN_SECRET_LENGTH
					+ " characters)");
		}
		else if (secret.length() < MIN_SECRET_LENGTH) {
			problems.add("LAPOR_SECURITY_TOKEN_SECRET terlalu pendek / is too short (at least " + MIN_SECRET_LENGTH
					+ " characters)");
		}
		return problems;
	}

}
