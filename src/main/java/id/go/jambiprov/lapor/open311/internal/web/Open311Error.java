package id.go.jambiprov.lapor.open311.internal.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A refusal in the spec's own shape: a list of {@code {code, description}} (XML
 * {@code <errors><error>}), with the HTTP status as the code. Each description is already in the
 * reader's language.
 */
final class Open311Error extends RuntimeException {

	private final HttpStatus status;

	private final List<String> descriptions;

	private final @Nullable Long retryAfterSeconds;

	Open311Error(HttpStatus status, List<String> descriptions, @Nullable Long retryAfterSeconds) {
		super(status + " " + descriptions, null, false, false);
		this.status = status;
		this.descriptions = List.copyOf(descriptions);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	Open311Error(HttpStatus status, String description) {
		this(status, List.of(description), null);
	}

	HttpStatus status() {
		return this.status;
	}

	List<String> descriptions() {
		return this.descriptions;
	}

	@Nullable Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
