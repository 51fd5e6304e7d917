package id.go.jambiprov.lapor.sop;

import java.time.LocalDate;

/**
 * A day off was added, changed or removed. Deadlines still running are recomputed on the new
 * calendar; met or missed of finished steps stay as recorded.
 *
 * @param day the day that changed
 * @param changedBy who changed it
 */
public record CalendarChanged(LocalDate day, String changedBy) {
}
