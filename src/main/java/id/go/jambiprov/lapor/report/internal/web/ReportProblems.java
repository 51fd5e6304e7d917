package id.go.jambiprov.lapor.report.internal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.CurrentActor;

import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Says the report's refusals in HTTP, as DESIGN §8 fixes them: 401 without credentials, 403 for
 * a role that may never do it, 404 for a report out of scope, 409 for a status that does not
 * allow it (naming {@code currentStatus}) or a change by someone else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportProblems {

	private static final Logger security = LoggerFactory.getLogger("security");

	private final ProblemResponses problems;

	private final CurrentActor actor;

	ReportProblems(ProblemResponses problems, CurrentActor actor) {
		this.problems = problems;
		this.actor = actor;
	}

	@ExceptionHandler(ReportRefusal.class)
	Object refused(ReportRefusal refusal, HttpServletRequest request) {
		if (refusal instanceof ReportRefusal.RoleRefused || refusal instanceof ReportRefusal.ReadRefused
				|| refusal instanceof ReportRefusal.OutOfScope) {
			// a report out of scope is "not found" to the caller; the log says what it was
			security.info("event=access-denied user={} role={} path={} reason={}",
					this.actor.get().map(a -> a.username()).orElse("-"),
					this.actor.get().map(a -> a.role().name()).orElse("-"), request.getRequestURI(),
					refusal.getClass().getSimpleName());
		}
		return this.problems.answer(problem(refusal), request);
	}

	static ProblemException problem(ReportRefusal refusal) {
		if (refusal instanceof ReportRefusal.Unauthenticated) {
			return new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "problem.unauthenticated");
		}
		if (refusal instanceof ReportRefusal.RoleRefused role) {
			return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-action",
					role.action())
				.with("action", role.action());
		}
		if (refusal instanceof ReportRefusal.ReadRefused) {
			return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-read");
		}
		if (refusal instanceof ReportRefusal.UnknownAction unknown) {
			return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_ACTION, "problem.unknown-action",
					unknown.path());
		}
		if (refusal instanceof ReportRefusal.WrongState state) {
			return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.INVALID_TRANSITION,
					"problem.invalid-transition", state.action().path(), state.current().name())
				.with("action", state.action().path())
				.with("currentStatus", state.current().name());
		}
		if (refusal instanceof ReportRefusal.ConcurrentChange) {
			return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_CHANGE, "problem.concurrent-change");
		}
		if (refusal instanceof ReportRefusal.IdempotencyKeyReused) {
			return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
					"problem.idempotency-key-reused");
		}
		// OutOfScope, and anything not named: never tell more than "not found"
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.report-not-found");
	}

}
