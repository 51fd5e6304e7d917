package id.go.jambiprov.lapor.report.internal.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.stereotype.Component;

/**
 * One action on many reports at once, for the actions that need nothing per report: the national
 * admin forwards to one jurisdiction, the coordinator receives, the liaison officer accepts. Each
 * report is its own transaction through the same door as a single action (the same checks, the
 * same timeline entry, the same listeners); one refused report stops none of the others.
 */
@Component
class BulkActions {

	/** The actions that may be taken in bulk. */
	static final Set<Action> ALLOWED = EnumSet.of(Action.FORWARD, Action.RECEIVE, Action.ACCEPT);

	static final int MAX_CODES = 100;

	/** What became of one report: its new status, or the problem that refused it. */
	record Outcome(String code, ReportStatus status, ProblemException problem) {

		boolean done() {
			return this.problem == null;
		}

	}

	private final ReportService reports;

	private final SopDefinition sop;

	BulkActions(ReportService reports, SopDefinition sop) {
		this.reports = reports;
		this.sop = sop;
	}

	/** The bulk actions the role takes somewhere in the SOP table, in table order. */
	List<Action> available(Role role) {
		return ALLOWED.stream().filter(a -> this.sop.actorsOf(a).contains(role)).toList();
	}

	/**
	 * Takes the action on every code given (each once, in the order given). 400 for an action
	 * that is not a bulk action, no codes, more than {@link #MAX_CODES}, or a forward without a
	 * jurisdiction; everything else is answered per code.
	 */
	List<Outcome> apply(String actionPath, List<String> codes, String jurisdiction, Actor by) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		Optional<Action> action = Action.fromPath(actionPath == null ? "" : actionPath).filter(ALLOWED::contains);
		if (action.isEmpty()) {
			errors.add("action", "bulk-action", "forward, receive, accept");
		}
		Set<String> unique = new LinkedHashSet<>();
		if (codes != null) {
			codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(unique::add);
		}
		if (unique.isEmpty()) {
			errors.add("codes", "required");
		}
		else if (unique.size() > MAX_CODES) {
			errors.add("codes", "max-items", MAX_CODES);
		}
		if (action.orElse(null) == Action.FORWARD && (jurisdiction == null || jurisdiction.isBlank())) {
			errors.add("jurisdiction", "required");
		}
		errors.throwIfAny();
		ActionBody body = new ActionBody(jurisdiction == null ? null : jurisdiction.strip(), null, null, null, null,
				null, null, null, null, null);
		List<Outcome> outcomes = new ArrayList<>();
		for (String code : unique) {
			try {
				ReportStatus status = this.reports.act(code, action.get().path(), body, Optional.of(by), null).status();
				outcomes.add(new Outcome(code, status, null));
			}
			catch (ReportRefusal refused) {
				outcomes.add(new Outcome(code, null, ReportProblems.problem(refused)));
			}
			catch (ProblemException problem) {
				outcomes.add(new Outcome(code, null, problem));
			}
		}
		return outcomes;
	}

}
