package app.rightly.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import app.rightly.shared.ConflictException;
import app.rightly.shared.ForbiddenException;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.MalformedBodyException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.PayloadTooLargeException;
import app.rightly.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a JSON endpoint into a problem document (RFC 9457) with the
 * right status: bad input is a 4xx naming the field, never a 500; a resource the caller's
 * tenant cannot see is a plain 404.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return answer(Problems.of(Problems.Type.NOT_FOUND, capitalise(ex.getMessage()) + "."));
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return answer(Problems.of(Problems.Type.FORBIDDEN, ex.getMessage()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return answer(Problems.of(Problems.Type.FORBIDDEN, "Your role may not do this."));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		return ResponseEntity.status(401)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(Problems.Type.UNAUTHORIZED, ex.getMessage()));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
		return answer(Problems.invalid(describe(ex.errors()), ex.errors()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		ProblemDetail problem = Problems.of(Problems.Type.CONFLICT, ex.getMessage());
		problem.setProperty("errors", List.of(java.util.Map.of("field", ex.field(), "message", ex.getMessage())));
		return answer(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DatabindException bind && !bind.getPath().isEmpty()) {
				String field = JsonPaths.of(bind.getPath());
				List<FieldError> errors = List.of(new FieldError(field, "has the wrong type or format"));
				return answer(Problems.invalid(describe(errors), errors));
			}
		}
		if (cause instanceof java.nio.charset.CharacterCodingException) {
			return answer(Problems.of(Problems.Type.MALFORMED_REQUEST, "The body is not valid UTF-8."));
		}
		String detail = cause instanceof JacksonException json
				? "The body is not valid JSON: " + json.getOriginalMessage() : "The body is missing or cannot be read.";
		return answer(Problems.of(Problems.Type.MALFORMED_REQUEST, detail));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		List<FieldError> errors = List.of(new FieldError(ex.getParameterName(), "is required"));
		return answer(Problems.invalid(describe(errors), errors));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		boolean pathVariable = ex.getParameter()
			.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		if (pathVariable) {
			// /tokens/not-a-uuid names nothing that exists
			return answer(Problems.of(Problems.Type.NOT_FOUND, "Not found."));
		}
		String expected = ex.getRequiredType() == null ? "value" : friendly(ex.getRequiredType());
		List<FieldError> errors = List.of(new FieldError(ex.getName(), "must be a " + expected));
		return answer(Problems.invalid(describe(errors), errors));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		ProblemDetail problem = Problems.of(Problems.Type.METHOD_NOT_ALLOWED,
				ex.getMethod() + " is not supported here" + (ex.getSupportedMethods() == null ? "."
						: "; use " + String.join(", ", ex.getSupportedMethods()) + "."));
		var builder = ResponseEntity.status(405).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.getSupportedHttpMethods() != null) {
			builder.allow(ex.getSupportedHttpMethods().toArray(new org.springframework.http.HttpMethod[0]));
		}
		return builder.body(problem);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(Problems.of(Problems.Type.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json."));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return answer(Problems.of(Problems.Type.NOT_ACCEPTABLE, "This endpoint answers application/json."));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return answer(Problems.of(Problems.Type.NOT_FOUND, "Not found."));
	}

	@ExceptionHandler(MalformedBodyException.class)
	ResponseEntity<ProblemDetail> malformed(MalformedBodyException ex) {
		return answer(Problems.of(Problems.Type.MALFORMED_REQUEST, ex.getMessage()));
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
		return answer(Problems.of(Problems.Type.PAYLOAD_TOO_LARGE, ex.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		String incident = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error {} on {} {}", incident, request.getMethod(), request.getRequestURI(), ex);
		ProblemDetail problem = Problems.of(Problems.Type.INTERNAL,
				"Something went wrong on our side (incident " + incident + "); it has been logged.");
		problem.setProperty("incident", incident);
		return answer(problem);
	}

	static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static String describe(List<FieldError> errors) {
		return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
	}

	private static String friendly(Class<?> type) {
		if (type == UUID.class) {
			return "UUID";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "number";
		}
		if (type.getSimpleName().equals("Instant") || type.getSimpleName().equals("OffsetDateTime")) {
			return "ISO-8601 date-time with an offset";
		}
		return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
	}

	private static String capitalise(String text) {
		return text == null || text.isEmpty() ? "Not found" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
