package app.rightly.shared;

/**
 * The request clashes with what exists, such as a second brand with the same slug
 * (answered 409).
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
