package id.go.jambiprov.lapor.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure that becomes an RFC 9457 {@code application/problem+json} answer: a status, a
 * stable type (the last segment of the type URI), a message-bundle code for the human detail,
 * and extension members such as {@code currentStatus} or the offending {@code errors}.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String messageCode;

	private final transient Object[] arguments;

	private final transient Map<String, Object> properties = new LinkedHashMap<>();

	public ProblemException(HttpStatus status, String type, String messageCode, Object... arguments) {
		super(type + ": " + messageCode);
		this.status = status;
		this.type = type;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	/** Adds an extension member to the problem body. */
	public ProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getType() {
		return this.type;
	}

	public String getMessageCode() {
		return this.messageCode;
	}

	public Object[] getArguments() {
		return this.arguments.clone();
	}

	public Map<String, Object> getProperties() {
		return Map.copyOf(this.properties);
	}

}
