package id.go.jambiprov.lapor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Demo mode (demo accounts with a known password, demo data, every channel on with demo secrets
 * answering through simulated providers) must never meet real reports. It is on by itself only
 * on the embedded H2 default a newcomer runs; with any other database only when
 * {@code lapor.demo.enabled=true} is set on purpose. The demo channel secrets
 * ({@code demo-channels.yml}) are loaded only in demo mode, below every other setting, and not
 * when {@code lapor.demo.simulated-channels=false}.
 */
class DemoMode implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "lapor.demo.enabled";

	@Override
	public int getOrder() {
		// after the configuration files are read
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String explicit = environment.getProperty(ENABLED);
		String url = environment.getProperty("spring.datasource.url", "");
		boolean demo = explicit != null ? Boolean.parseBoolean(explicit) : url.startsWith("jdbc:h2:");
		environment.getPropertySources()
			.addLast(new MapPropertySource("demoMode", Map.of(ENABLED, String.valueOf(demo))));
		if (demo && environment.getProperty("lapor.demo.simulated-channels", Boolean.class, true)) {
			try {
				for (PropertySource<?> channels : new YamlPropertySourceLoader().load("demoChannels",
						new ClassPathResource("demo-channels.yml"))) {
					environment.getPropertySources().addLast(channels);
				}
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		}
	}

	static boolean enabled(org.springframework.core.env.Environment environment) {
		return environment.getProperty(ENABLED, Boolean.class, false);
	}

}
