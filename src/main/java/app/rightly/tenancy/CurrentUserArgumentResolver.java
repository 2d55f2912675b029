package app.rightly.tenancy;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers take the caller as a {@link CurrentUser} argument, whether they signed
 * in with the form or sent an API token. The user is read afresh, so a changed role or a
 * disabled account applies to an existing session at once.
 */
final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	private final Users users;

	CurrentUserArgumentResolver(Users users) {
		this.users = users;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentUser.class;
	}

	@Override
	public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		return current(users, SecurityContextHolder.getContext().getAuthentication());
	}

	static CurrentUser current(Users users, Authentication authentication) {
		Object principal = authentication == null ? null : authentication.getPrincipal();
		if (principal instanceof CurrentUser fromToken) {
			return fromToken; // read from the database by the token filter on this very
								// request
		}
		if (principal instanceof SignIn.SignInAccount account) {
			return users.active(account.user().id())
				.orElseThrow(
						() -> new InsufficientAuthenticationException("The account no longer exists or is disabled."));
		}
		throw new InsufficientAuthenticationException("Sign in first.");
	}

}
