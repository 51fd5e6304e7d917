package id.go.jambiprov.lapor.web.internal;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure an API call can meet becomes a problem+json answer with a stable type and a
 * message in the caller's language; nothing leaks a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final ProblemResponses problems;

	ProblemAdvice(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ProblemException.class)
	Object problem(ProblemException problem, HttpServletRequest request) {
		return answer(problem, request);
	}

	@ExceptionHandler(RateLimitExceeded.class)
	Object tooMany(RateLimitExceeded exceeded, HttpServletRequest request) {
		return answer(ProblemResponses.tooManyRequests(exceeded), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException failure,
			HttpServletRequest request) {
		if (BodyLimitFilter.tooLarge(failure)) {
			return answer(BodyLimitFilter.problem(), request);
		}
		Throwable cause = failure.getCause();
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return answer(new InvalidInputException.Collector().add(path(invalid), "enum", allowed).asException(),
					request);
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return answer(new InvalidInputException.Collector().add(path(mismatched), "type").asException(),
					request);
		}
		return answer(new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
				"problem.malformed-request"), request);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalid(MethodArgumentNotValidException failure, HttpServletRequest request) {
		InvalidInputException.Collector collector = new InvalidInputException.Collector();
		for (FieldError error : failure.getBindingResult().getFieldErrors()) {
			collector.add(error.getField(), constraintCode(error.getCode()));
		}
		if (collector.isEmpty()) {
			collector.add("body", "invalid");
		}
		return answer(collector.asException(), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameter(HandlerMethodValidationException failure,
			HttpServletRequest request) {
		InvalidInputException.Collector collector = new InvalidInputException.Collector();
		failure.getParameterValidationResults()
			.forEach(result -> collector.add(result.getMethodParameter().getParameterName(), "invalid"));
		return answer(collector.asException(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException failure,
			HttpServletRequest request) {
		return answer(new InvalidInputException.Collector().add(failure.getName(), "type").asException(), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException failure,
			HttpServletRequest request) {
		return answer(new InvalidInputException.Collector().add(failure.getParameterName(), "required")
			.asException(), request);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	Object missingHeader(MissingRequestHeaderException failure,
			HttpServletRequest request) {
		return answer(new InvalidInputException.Collector().add(failure.getHeaderName(), "required").asException(),
				request);
	}

	/** No page, endpoint or static file at that path (static files have their own paths only). */
	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	Object noResource(Exception failure, HttpServletRequest request) {
		return answer(new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.no-resource"),
				request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException failure,
			HttpServletRequest request) {
		return answer(new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
				"problem.method-not-allowed", failure.getMethod()), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException failure,
			HttpServletRequest request) {
		return answer(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"problem.unsupported-media-type"), request);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException failure,
			HttpServletRequest request) {
		return answer(new ProblemException(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE,
				"problem.not-acceptable"), request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object upload(MaxUploadSizeExceededException failure, HttpServletRequest request) {
		return answer(BodyLimitFilter.problem(), request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object conflict(OptimisticLockingFailureException failure,
			HttpServletRequest request) {
		return answer(new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_CHANGE,
				"problem.concurrent-change"), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException failure, HttpServletRequest request) throws Exception {
		// text the database cannot store (a NUL byte, an unpaired surrogate) is the caller's mistake
		if (failure.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().equals("22021") || sql.getSQLState().equals("22P05"))) {
			return answer(new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
					"problem.malformed-request"), request);
		}
		return unexpected(failure, request);
	}

	@ExceptionHandler(MissingPathVariableException.class)
	Object missingPathVariable(MissingPathVariableException failure, HttpServletRequest request) {
		// a blank path variable ("/holidays/%20") is the caller's mistake, not ours
		return answer(new InvalidInputException.Collector().add(failure.getVariableName(), "required").asException(),
				request);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception failure, HttpServletRequest request) throws Exception {
		if (failure instanceof org.springframework.security.access.AccessDeniedException
				|| failure instanceof org.springframework.security.core.AuthenticationException) {
			throw failure;
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
			// the browser went away (a page closed while a file loaded): nobody to answer, nothing broke
			log.debug("Client left during {} {}", request.getMethod(), request.getRequestURI());
			return null;
		}
		if (failure instanceof org.springframework.security.web.firewall.RequestRejectedException) {
			// a header with characters HTTP does not allow, refused by the firewall when it was read
			return answer(new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
					"problem.malformed-request"), request);
		}
		if (DatabaseOutage.isOutage(failure)) {
			log.warn("Database unreachable during {} {}: {}", request.getMethod(), request.getRequestURI(),
					String.valueOf(failure.getMessage()));
			return answer(OutageFilter.problem(), request);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
		return answer(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
				"problem.internal-error"), request);
	}

	private Object answer(ProblemException problem, HttpServletRequest request) {
		return this.problems.answer(problem, request);
	}

	private static String path(JacksonException failure) {
		List<String> parts = new ArrayList<>();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				parts.add(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				parts.add("[" + reference.getIndex() + "]");
			}
		}
		return parts.isEmpty() ? "body" : String.join(".", parts).replace(".[", "[");
	}

	private static String constraintCode(String constraint) {
		if (constraint == null) {
			return "invalid";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "required";
			case "Size", "Length" -> "size";
			case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero" -> "range";
			case "Email" -> "email";
			case "Pattern" -> "pattern";
			case "PastOrPresent", "Past" -> "past";
			default -> "invalid";
		};
	}

}
