package id.go.jambiprov.lapor;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * LAPOR Jambi: the complaints and aspirations service of the Province of Jambi.
 */
@SpringBootApplication
@EnableAsync
public class LaporApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(LaporApplication.class);
		application.addListeners(new ProductionSettingsCheck());
		application.run(args);
	}

	/** The one clock of the application; tests replace it with a fixed or mutable one. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
