package app.rightly.shared;

import java.util.List;

/** Input that breaks a rule, with each offending field named (answered 400). */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

	/**
	 * One broken rule: the field (dotted path, as the client sent it) and what is wrong.
	 */
	public record FieldError(String field, String message) {
	}

}
