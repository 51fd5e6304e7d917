package id.go.jambiprov.lapor.sop;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.go.jambiprov.lapor.account.Role;

/**
 * The SOP as data: the single source of every transition, of the actions each role may take,
 * and of the time standard of each step. Loaded at start-up from a versioned definition.
 *
 * @param id what it is, e.g. {@code jambi-lapor}
 * @param version its version; a revised decree is a new version
 * @param title its title
 * @param decree the legal instrument it comes from
 * @param steps the numbered steps of the decree
 * @param transitions the transition table, in the order the SOP reads
 */
public record SopDefinition(String id, String version, String title, String decree, List<Step> steps,
		List<Transition> transitions) {

	public SopDefinition {
		steps = List.copyOf(steps);
		transitions = List.copyOf(transitions);
		for (Action action : Action.values()) {
			if (action.inTable() && transitions.stream().noneMatch(t -> t.action() == action)) {
				throw new IllegalArgumentException("The SOP definition has no row for " + action.path());
			}
		}
		for (Transition transition : transitions) {
			if (transition.timeout() != null && !transition.isTakenBy(Role.SYSTEM)) {
				throw new IllegalArgumentException(transition.action().path() + " has a timeout but SYSTEM may not take it");
			}
			for (ReportStatus from : transition.from()) {
				long rows = transitions.stream()
					.filter(t -> t.action() == transition.action() && t.isFrom(from))
					.count();
				if (rows > 1) {
					throw new IllegalArgumentException(
							"Two rows for " + transition.action().path() + " from " + from);
				}
			}
		}
	}

	/** The row that lets {@code action} be taken from {@code status}, if there is one. */
	public Optional<Transition> transition(Action action, ReportStatus status) {
		return this.transitions.stream().filter(t -> t.action() == action && t.isFrom(status)).findFirst();
	}

	/** The row of an action that has no {@code from}: only {@code submit}. */
	public Transition initial(Action action) {
		return this.transitions.stream()
			.filter(t -> t.action() == action && t.from().isEmpty())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(action.path() + " has no initial row"));
	}

	/** The roles that may take the action from some status. */
	public Set<Role> actorsOf(Action action) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		this.transitions.stream().filter(t -> t.action() == action).forEach(t -> roles.addAll(t.actors()));
		return roles;
	}

	/** The actions a role may take on a report in that status, in table order. */
	public List<Action> allowedActions(ReportStatus status, Role role) {
		Set<Action> actions = new LinkedHashSet<>();
		this.transitions.stream()
			.filter(t -> t.isFrom(status) && t.isTakenBy(role))
			.forEach(t -> actions.add(t.action()));
		return List.copyOf(actions);
	}

	/** The statuses in which a report waits for the role (exits such as archive aside). */
	public Set<ReportStatus> awaiting(Role role) {
		Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
		this.transitions.stream()
			.filter(t -> t.isTakenBy(role) && !t.exit())
			.forEach(t -> statuses.addAll(t.from()));
		return statuses;
	}

	/**
	 * The step whose clock runs while a report is in this status: the first row from it with a
	 * time standard (for {@code RECEIVED}, verify; for {@code IN_PROGRESS}, answer).
	 */
	public Optional<Transition> pendingStep(ReportStatus status) {
		return this.transitions.stream().filter(t -> t.isFrom(status) && t.timeStandard() != null).findFirst();
	}

	/** The row the system takes by itself after a while in this status, if there is one. */
	public Optional<Transition> timeoutFrom(ReportStatus status) {
		return this.transitions.stream().filter(t -> t.isFrom(status) && t.timeout() != null).findFirst();
	}

	/** The decree steps a report passes on its main path, for the public tracker. */
	public Optional<Step> step(String number) {
		return this.steps.stream().filter(s -> s.number().equals(number)).findFirst();
	}

}
