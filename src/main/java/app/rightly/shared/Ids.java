package app.rightly.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers: UUID version 7 (RFC 9562), time-ordered so that new rows land at the
 * end of their index instead of all over it.
 */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID newId() {
		long millis = System.currentTimeMillis();
		long randA = random.nextInt(1 << 12);
		long msb = (millis << 16) | (0x7L << 12) | randA;
		long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(msb, lsb);
	}

}
