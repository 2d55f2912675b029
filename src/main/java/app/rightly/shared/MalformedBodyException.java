package app.rightly.shared;

/** A request body that cannot be read: not JSON, not UTF-8, empty (answered 400). */
public class MalformedBodyException extends RuntimeException {

	public MalformedBodyException(String message) {
		super(message);
	}

}
