package id.go.jambiprov.lapor.web.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance told to stop says it is not ready before it stops taking connections. */
class ShutdownDrainTests {

	@Test
	void stoppingTurnsReadinessDownFirst() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
			context.addApplicationListener(availability);
			context.refresh();
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			new ShutdownDrain(Duration.ofMillis(1)).on(new ContextClosedEvent(context));
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		}
	}

	@Test
	void withoutADrainNothingChanges() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
			context.addApplicationListener(availability);
			context.refresh();
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			new ShutdownDrain(Duration.ZERO).on(new ContextClosedEvent(context));
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

}
