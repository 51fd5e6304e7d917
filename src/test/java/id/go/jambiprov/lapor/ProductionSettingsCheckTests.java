package id.go.jambiprov.lapor;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSettingsCheckTests {

	@Test
	void productionRefusesToStartWithoutDatabaseAndSecretAndSaysWhich() {
		SpringApplication application = new SpringApplication(LaporApplication.class);
		application.addListeners(new ProductionSettingsCheck());
		assertThatThrownBy(() -> application.run("--spring.profiles.active=prod", "--server.port=0"))
			.hasMessageContaining("SPRING_DATASOURCE_URL")
			.hasMessageContaining("SPRING_DATASOURCE_USERNAME")
			.hasMessageContaining("LAPOR_SECURITY_TOKEN_SECRET");
	}

	@Test
	void productionWantsPostgresqlAndALongSecret() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:h2:mem:x",
					"spring.datasource.username", "lapor", "lapor.security.token-secret", "short")));
		assertThat(ProductionSettingsCheck.problems(environment)).hasSize(2)
			.anyMatch(p -> p.contains("PostgreSQL"))
			.anyMatch(p -> p.contains("too short"));
	}

	@Test
	void completeProductionSettingsPass() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/lapor", "spring.datasource.username",
							"lapor", "lapor.security.token-secret", "0123456789abcdef0123456789abcdef")));
		assertThat(ProductionSettingsCheck.problems(environment)).isEmpty();
	}

}
