package app.rightly.web;

import java.util.Map;

import app.rightly.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * A URL that no controller or static file answers: a problem document under
 * {@code /api/}, the not-found page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundAdvice {

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView notFound(HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/")) {
			var problem = Problems.of(Problems.Type.NOT_FOUND, "Not found.");
			JacksonJsonView view = new JacksonJsonView();
			view.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			view.setExtractValueFromSingleKeyModel(true);
			ModelAndView answer = new ModelAndView(view, Map.of("problem", problemBody(problem, request)));
			answer.setStatus(HttpStatus.NOT_FOUND);
			return answer;
		}
		return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
	}

	private static Map<String, Object> problemBody(org.springframework.http.ProblemDetail problem,
			HttpServletRequest request) {
		return Map.of("type", problem.getType().toString(), "title", problem.getTitle(), "status", problem.getStatus(),
				"detail", problem.getDetail(), "instance", request.getRequestURI());
	}

}
