package app.rightly.platform;

/** Another Rightly process owns the data dir; the message says what to do. */
public class DataDirectoryInUseException extends IllegalStateException {

	public DataDirectoryInUseException(String message) {
		super(message);
	}

}
