package id.go.jambiprov.lapor.report.internal;

import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;

/**
 * The failures of the report use cases, in the order the API checks them: credentials (401),
 * role (403), scope (404), state (409).
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemException unauthenticated() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "problem.unauthenticated");
	}

	static ProblemException forbidden(Action action) {
		return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-action",
				action.path())
			.with("action", action.path());
	}

	static ProblemException forbiddenRead() {
		return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-read");
	}

	public static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.report-not-found");
	}

	static ProblemException unknownAction(String path) {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_ACTION, "problem.unknown-action",
				path);
	}

	static ProblemException notAllowed(Action action, ReportStatus current) {
		return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.INVALID_TRANSITION,
				"problem.invalid-transition", action.path(), current.name())
			.with("action", action.path())
			.with("currentStatus", current.name());
	}

	static ProblemException concurrentChange() {
		return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_CHANGE, "problem.concurrent-change");
	}

	static ProblemException idempotencyKeyReused() {
		return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
				"problem.idempotency-key-reused");
	}

}
