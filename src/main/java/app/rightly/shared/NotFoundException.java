package app.rightly.shared;

/**
 * The resource does not exist, or the caller's tenant cannot see it: the two are
 * deliberately indistinguishable (answered 404).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
