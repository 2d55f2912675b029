package app.rightly.shared;

/** The caller can see the resource but their role may not do this (answered 403). */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
