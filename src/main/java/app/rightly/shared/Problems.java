package app.rightly.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The error documents of the API (RFC 9457, {@code application/problem+json}). Each has a
 * machine-readable {@code type}: a path under {@code /problems/} on the server, where a
 * page explains it. Input errors add {@code errors}: one {@code {field, message}} per bad
 * field.
 */
public final class Problems {

	/** The types, with the status and title each is always answered with. */
	public enum Type {

		UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required"),
		FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for your role"), NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
		INVALID_INPUT(HttpStatus.BAD_REQUEST, "Invalid input"),
		MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
		METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
		UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
		NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"), CONFLICT(HttpStatus.CONFLICT, "Conflict"),
		PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
		TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
		SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
		INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

		private final HttpStatus status;

		private final String title;

		Type(HttpStatus status, String title) {
			this.status = status;
			this.title = title;
		}

		public HttpStatus status() {
			return status;
		}

		public String title() {
			return title;
		}

		/** The slug in the type URI, such as {@code not-found}. */
		public String slug() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

		public URI uri() {
			return URI.create("/problems/" + slug());
		}

	}

	private Problems() {
	}

	public static ProblemDetail of(Type type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

	public static ProblemDetail invalid(String detail, List<InvalidInputException.FieldError> errors) {
		ProblemDetail problem = of(Type.INVALID_INPUT, detail);
		problem.setProperty("errors",
				errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		return problem;
	}

}
