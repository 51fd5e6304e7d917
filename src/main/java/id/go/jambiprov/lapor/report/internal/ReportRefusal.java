package id.go.jambiprov.lapor.report.internal;

import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * Why the report or one of its use cases refused, in the order they are checked: no
 * credentials, a role that may never do it, a report out of the caller's scope (or none), a
 * status the SOP table does not allow it from, a change by someone else meanwhile. The domain
 * says what happened; the web layer says it in HTTP ({@code web.ReportProblems}).
 */
public abstract sealed class ReportRefusal extends RuntimeException {

	private ReportRefusal(String message) {
		super(message, null, false, false);
	}

	/** Nobody signed in and no access key. */
	public static final class Unauthenticated extends ReportRefusal {

		Unauthenticated() {
			super("no credentials");
		}

	}

	/** The role may never take this action (an SOP action, or {@code redact}), whatever the report. */
	public static final class RoleRefused extends ReportRefusal {

		private final String action;

		RoleRefused(String action) {
			super("role may not " + action);
			this.action = action;
		}

		/** The action's path, as the API names it. */
		public String action() {
			return this.action;
		}

	}

	/** The role may never read reports (the system admin). */
	public static final class ReadRefused extends ReportRefusal {

		ReadRefused() {
			super("role may not read reports");
		}

	}

	/** No such report, or one outside the caller's jurisdiction or agency: the same to the caller. */
	public static final class OutOfScope extends ReportRefusal {

		OutOfScope() {
			super("no such report in scope");
		}

	}

	/** No such action. */
	public static final class UnknownAction extends ReportRefusal {

		private final String path;

		UnknownAction(String path) {
			super("unknown action");
			this.path = path;
		}

		public String path() {
			return this.path;
		}

	}

	/** The SOP table has no row for this action from the report's current status. */
	public static final class WrongState extends ReportRefusal {

		private final Action action;

		private final ReportStatus current;

		WrongState(Action action, ReportStatus current) {
			super(action.path() + " not allowed in " + current);
			this.action = action;
			this.current = current;
		}

		public Action action() {
			return this.action;
		}

		public ReportStatus current() {
			return this.current;
		}

	}

	/** Someone else changed the report since the caller read it. */
	public static final class ConcurrentChange extends ReportRefusal {

		ConcurrentChange() {
			super("changed meanwhile");
		}

	}

	/** An idempotency key used before with another request. */
	public static final class IdempotencyKeyReused extends ReportRefusal {

		IdempotencyKeyReused() {
			super("idempotency key reused");
		}

	}

	public static ReportRefusal unauthenticated() {
		return new Unauthenticated();
	}

	static ReportRefusal forbidden(Action action) {
		return new RoleRefused(action.path());
	}

	/** Only the coordinator and the national admin hide parts of a report from the agency. */
	static ReportRefusal forbiddenRedaction() {
		return new RoleRefused(REDACT);
	}

	/** The supervisor reads notes but does not write them; the reporter never sees them. */
	static ReportRefusal forbiddenNote() {
		return new RoleRefused(NOTE);
	}

	/** The path of an internal note, which is not a step of the SOP. */
	public static final String NOTE = "note";

	/** The path of the redaction, which is not a step of the SOP. */
	public static final String REDACT = "redact";

	public static ReportRefusal forbiddenRead() {
		return new ReadRefused();
	}

	public static ReportRefusal notFound() {
		return new OutOfScope();
	}

	static ReportRefusal unknownAction(String path) {
		return new UnknownAction(path);
	}

	static ReportRefusal notAllowed(Action action, ReportStatus current) {
		return new WrongState(action, current);
	}

	static ReportRefusal concurrentChange() {
		return new ConcurrentChange();
	}

	static ReportRefusal idempotencyKeyReused() {
		return new IdempotencyKeyReused();
	}

}
