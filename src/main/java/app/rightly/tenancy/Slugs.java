package app.rightly.tenancy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL names for brands and organisations: lower-case ASCII letters, digits and dashes.
 */
public final class Slugs {

	private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

	private Slugs() {
	}

	/**
	 * A slug made from a display name: "Café Ünïcorn & Co." becomes "cafe-unicorn-co".
	 */
	public static String from(String name) {
		String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		return slug;
	}

	public static boolean valid(String slug) {
		return slug != null && VALID.matcher(slug).matches();
	}

}
