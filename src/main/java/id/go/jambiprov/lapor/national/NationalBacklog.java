package id.go.jambiprov.lapor.national;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What still waits to reach the national SP4N-LAPOR!, for the dashboard and the health check.
 */
public interface NationalBacklog {

	/**
	 * @param enabled whether the bridge is configured at all
	 * @param waiting calls not sent yet
	 * @param oldest how long the oldest of them has waited; null when none waits
	 * @param failed calls given up (kept for a person to look at)
	 */
	record Backlog(boolean enabled, long waiting, @Nullable Duration oldest, long failed) {
	}

	Backlog backlog();

}
