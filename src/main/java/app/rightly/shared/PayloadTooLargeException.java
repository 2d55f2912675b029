package app.rightly.shared;

/** A request body larger than the API accepts (answered 413). */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
