package id.go.jambiprov.lapor.sop;

import java.util.List;
import java.util.Set;

import id.go.jambiprov.lapor.account.Role;

/**
 * One row of the transition table.
 *
 * @param action the action
 * @param from the statuses it may be taken from (empty for {@code submit})
 * @param to the status it leads to; {@code null} when {@code toPrevious} is set
 * @param toPrevious whether it leads back to the status the report was held from
 * @param actors the roles that may take it
 * @param step the decree step it belongs to, {@code null} for actions beyond the decree
 * @param timeStandard the time allowed to take it, counted from entering a {@code from}
 * status; {@code null} when the decree sets none
 * @param requires the body fields it requires, e.g. {@code reason}
 * @param exit whether it is a way out of the normal flow (archive), which no report waits for:
 * it does not put a report in its actor's inbox
 * @param timeout when set, the system takes the action itself once that much time has passed in
 * a {@code from} status with nobody acting (auto-close, archiving after a missed reply)
 */
public record Transition(Action action, List<ReportStatus> from, ReportStatus to, boolean toPrevious,
		Set<Role> actors, String step, TimeStandard timeStandard,
		List<String> requires, boolean exit, Timeout timeout) {

	/**
	 * The system's own deadline for a row.
	 *
	 * @param after how long nobody may act before the system does
	 * @param note the message-bundle key of the note the system leaves on the timeline
	 * @param remindAt the share of {@code after} at which the reporter is reminded, if any
	 */
	public record Timeout(TimeStandard after, String note, Double remindAt) {
	}

	public Transition {
		from = from == null ? List.of() : List.copyOf(from);
		actors = Set.copyOf(actors);
		requires = requires == null ? List.of() : List.copyOf(requires);
		if (to == null && !toPrevious) {
			throw new IllegalArgumentException(action + " leads nowhere");
		}
	}

	public boolean isFrom(ReportStatus status) {
		return this.from.contains(status);
	}

	public boolean isTakenBy(Role role) {
		return this.actors.contains(role);
	}

}
