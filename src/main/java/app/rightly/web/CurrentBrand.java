package app.rightly.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * The brand a signed-in person is working on, chosen with the brand switcher and kept in
 * their session. Falls back to their first brand when the chosen one is gone or no longer
 * visible.
 */
@Component
public class CurrentBrand {

	static final String SESSION_KEY = "rightly.brand";

	private final BrandAccess access;

	CurrentBrand(BrandAccess access) {
		this.access = access;
	}

	public Optional<Brand> of(CurrentUser user, HttpSession session, List<Brand> visible) {
		Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
		if (chosen instanceof UUID id) {
			Optional<Brand> match = visible.stream().filter(b -> b.id().value().equals(id)).findFirst();
			if (match.isPresent()) {
				return match;
			}
		}
		return visible.stream().findFirst();
	}

	public Optional<Brand> of(CurrentUser user, HttpSession session) {
		return of(user, session, access.visibleBrands(user));
	}

	/**
	 * Switches to the brand named by slug or id; a brand the user cannot see is not
	 * found.
	 */
	Brand switchTo(CurrentUser user, HttpSession session, String ref) {
		Brand brand = access.brand(user, ref);
		session.setAttribute(SESSION_KEY, brand.id().value());
		return brand;
	}

}
