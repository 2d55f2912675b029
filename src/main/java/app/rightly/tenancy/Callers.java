package app.rightly.tenancy;

import java.util.Optional;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request, for code that is not a controller method (page
 * models, views).
 */
@Component
public class Callers {

	private final Users users;

	Callers(Users users) {
		this.users = users;
	}

	public Optional<CurrentUser> current() {
		try {
			return Optional
				.of(CurrentUserArgumentResolver.current(users, SecurityContextHolder.getContext().getAuthentication()));
		}
		catch (AuthenticationException ex) {
			return Optional.empty();
		}
	}

}
