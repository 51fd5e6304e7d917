package id.go.jambiprov.lapor.web;

/**
 * The stable problem types of the API. Each is the last segment of
 * {@value #BASE}{@code <type>}; clients may switch on them.
 */
public final class ProblemTypes {

	public static final String BASE = "https://lapor.jambiprov.go.id/problems/";

	public static final String MALFORMED_REQUEST = "malformed-request";

	public static final String INVALID_INPUT = "invalid-input";

	public static final String UNAUTHENTICATED = "unauthenticated";

	public static final String INVALID_CREDENTIALS = "invalid-credentials";

	public static final String FORBIDDEN_ACTION = "forbidden-action";

	public static final String NOT_FOUND = "not-found";

	public static final String UNKNOWN_ACTION = "unknown-action";

	public static final String METHOD_NOT_ALLOWED = "method-not-allowed";

	public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

	public static final String NOT_ACCEPTABLE = "not-acceptable";

	public static final String INVALID_TRANSITION = "invalid-transition";

	public static final String CONCURRENT_CHANGE = "concurrent-change";

	public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";

	public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

	public static final String TOO_MANY_REQUESTS = "too-many-requests";

	public static final String INTERNAL_ERROR = "internal-error";

	/** The account has a second factor (or must enrol one): the password alone is not enough. */
	public static final String SECOND_FACTOR_REQUIRED = "second-factor-required";

	/** The database cannot be reached for now: nothing was done; try again shortly. */
	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	private ProblemTypes() {
	}

	public static String uri(String type) {
		return BASE + type;
	}

}
