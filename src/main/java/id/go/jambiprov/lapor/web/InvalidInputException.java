package id.go.jambiprov.lapor.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * 400: the request was well-formed but some fields break a rule. Collects every offending field
 * before it is thrown, so a citizen fixes all of them at once. Messages are bundle codes,
 * resolved in the caller's language when the problem is written.
 */
public class InvalidInputException extends ProblemException {

	/** One offending field before its message is resolved. */
	public record Violation(String field, String code, Object[] arguments) {
	}

	private final transient List<Violation> violations;

	public InvalidInputException(List<Violation> violations) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "problem.invalid-input");
		this.violations = List.copyOf(violations);
	}

	public List<Violation> getViolations() {
		return this.violations;
	}

	/** Collects violations; {@link #throwIfAny()} ends the checks. */
	public static final class Collector {

		private final List<Violation> violations = new ArrayList<>();

		/** @param code a message code under {@code field.} in the bundles */
		public Collector add(String field, String code, Object... arguments) {
			this.violations.add(new Violation(field, code, arguments));
			return this;
		}

		public boolean isEmpty() {
			return this.violations.isEmpty();
		}

		public InvalidInputException asException() {
			return new InvalidInputException(this.violations);
		}

		public void throwIfAny() {
			if (!this.violations.isEmpty()) {
				throw new InvalidInputException(this.violations);
			}
		}

	}

}
