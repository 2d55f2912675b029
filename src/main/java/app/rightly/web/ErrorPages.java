package app.rightly.web;

import java.util.Map;

import app.rightly.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen outside a controller (an unknown URL, a filter, the container): a
 * problem document for the API, a page for people.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping(path = "/error",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ApiExceptionHandler.answer(Problems.of(type(status), message(status)));
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && uri.toString().startsWith("/api/")) {
			return problem(request);
		}
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	static Problems.Type type(HttpStatus status) {
		for (Problems.Type type : Problems.Type.values()) {
			if (type.status() == status && type != Problems.Type.MALFORMED_REQUEST) {
				return type;
			}
		}
		return status.is4xxClientError() ? Problems.Type.MALFORMED_REQUEST : Problems.Type.INTERNAL;
	}

	private static String message(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Not found.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case BAD_REQUEST -> "The request cannot be read.";
			default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
					: status.getReasonPhrase() + ".";
		};
	}

}
