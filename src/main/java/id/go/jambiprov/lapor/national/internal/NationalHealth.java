package id.go.jambiprov.lapor.national.internal;

import java.time.Duration;

import id.go.jambiprov.lapor.national.NationalBacklog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The bridge in {@code /actuator/health}: how many calls wait and how long the oldest has. A
 * national outage is a WARNING (still 200): our own work goes on, and the load balancer must
 * keep the instance.
 */
@Component("nationalBridge")
class NationalHealth implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "calls to the national SP4N-LAPOR! are waiting");

	/** Older than this, the backlog is worth a warning. */
	static final Duration LATE = Duration.ofMinutes(30);

	private final NationalBacklog backlog;

	NationalHealth(NationalBacklog backlog) {
		this.backlog = backlog;
	}

	@Override
	public Health health() {
		NationalBacklog.Backlog now = this.backlog.backlog();
		if (!now.enabled()) {
			return Health.up().withDetail("enabled", false).build();
		}
		boolean late = now.oldest() != null && now.oldest().compareTo(LATE) > 0;
		return (late || now.failed() > 0 ? Health.status(WARNING) : Health.up()).withDetail("enabled", true)
			.withDetail("waiting", now.waiting())
			.withDetail("oldestWaitingSeconds", now.oldest() == null ? 0 : now.oldest().toSeconds())
			.withDetail("failed", now.failed())
			.build();
	}

}
