package app.rightly.customers;

import java.time.Instant;
import java.util.Locale;

/**
 * Who wrote a message, as the source names them.
 *
 * @param network where the handle is unique ({@code x}, {@code email},
 * {@code review:Trustpilot})
 * @param handle the handle or address on that network; may be blank when only an e-mail
 * is known
 * @param name the display name, if any
 * @param email an e-mail address, if the source gives one: the same address is the same
 * customer on every channel
 * @param followers the author's reach, if known
 * @param seenAt when the message was written
 */
public record Author(String network, String handle, String name, String email, Long followers, Instant seenAt) {

	/** The handle as identities are matched: no leading @, case ignored. */
	String handleKey() {
		return normalise(handle);
	}

	String emailKey() {
		return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	static String normalise(String handle) {
		if (handle == null || handle.isBlank()) {
			return null;
		}
		String h = handle.strip();
		if (h.startsWith("@")) {
			h = h.substring(1);
		}
		return h.toLowerCase(Locale.ROOT);
	}

	String displayName() {
		if (name != null && !name.isBlank()) {
			return name.strip();
		}
		if (handle != null && !handle.isBlank()) {
			return handle.strip();
		}
		return email == null ? "Unknown" : email.strip();
	}

}
