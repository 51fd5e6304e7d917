package id.go.jambiprov.lapor.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	/** Monday 23 November 2026, 08:00 in Jambi: inside office hours. */
	public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T01:00:00Z");

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(MONDAY_MORNING);
	}

}
