package id.go.jambiprov.lapor.web.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Behind a load balancer, an instance told to stop first says it is not ready and keeps serving
 * for {@code lapor.shutdown.drain} (3 s in production), so that the balancer's health check
 * takes it out of rotation before it stops accepting connections; then the graceful shutdown
 * finishes the requests under way. Without the pause, a request sent on a kept-alive connection
 * the instance is closing could be lost (measured by {@code bench/rolling-restart.sh}).
 */
@Component
class ShutdownDrain {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration drain;

	ShutdownDrain(@Value("${lapor.shutdown.drain:PT0S}") Duration drain) {
		this.drain = drain;
	}

	@EventListener
	void on(ContextClosedEvent closing) {
		if (this.drain.isZero() || this.drain.isNegative()) {
			return;
		}
		ApplicationContext context = closing.getApplicationContext();
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		log.info("Stopping: not ready any more; serving {} more for the load balancer to notice", this.drain);
		try {
			Thread.sleep(this.drain.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
