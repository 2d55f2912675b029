package app.rightly.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random secrets shown once (API tokens, invitation links) and the SHA-256 digests stored
 * in their place. The secrets carry ~238 bits of randomness, so a fast digest is safe to
 * store: there is nothing to guess from it.
 */
final class Secrets {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private Secrets() {
	}

	static String newSecret(String prefix) {
		StringBuilder out = new StringBuilder(prefix);
		for (int i = 0; i < 40; i++) {
			out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return out.toString();
	}

	static byte[] digest(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
