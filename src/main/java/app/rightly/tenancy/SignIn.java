package app.rightly.tenancy;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Form sign-in with e-mail and password. After {@code maxFailedSignIns} wrong passwords
 * in a row an account is paused for {@code lockDuration}, doubling with each further
 * failure (up to an hour); while paused even the right password is refused. A successful
 * sign-in resets the count.
 */
@Component
class SignIn implements UserDetailsService {

	private final Users users;

	private final TenancySettings settings;

	SignIn(Users users, TenancySettings settings) {
		this.users = users;
		this.settings = settings;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return users.byEmail(email == null ? "" : email)
			.filter(u -> u.passwordHash() != null)
			.map(SignInAccount::new)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	AuthenticationFailureHandler failureHandler() {
		return new FailureHandler();
	}

	SavedRequestAwareAuthenticationSuccessHandler successHandler() {
		var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, jakarta.servlet.ServletException {
				if (authentication.getPrincipal() instanceof SignInAccount account) {
					users.recordSuccess(account.user().id());
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		handler.setDefaultTargetUrl("/");
		return handler;
	}

	private final class FailureHandler implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String email = request.getParameter("username");
			if (exception instanceof BadCredentialsException && email != null) {
				users.byEmail(email)
					.ifPresent(u -> users.recordFailure(u.user().id(), settings.maxFailedSignIns(),
							settings.lockDuration().toSeconds()));
			}
			response.sendRedirect(request.getContextPath() + "/login?error");
		}

	}

	/**
	 * The account as Spring Security signs it in; the password hash is erased after
	 * sign-in.
	 */
	static final class SignInAccount implements UserDetails, CredentialsContainer {

		private final CurrentUser user;

		private final boolean locked;

		private final boolean enabled;

		private String passwordHash;

		SignInAccount(Users.UserRow row) {
			this.user = row.user();
			this.passwordHash = row.passwordHash();
			this.locked = row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now());
			this.enabled = row.disabledAt() == null;
		}

		CurrentUser user() {
			return user;
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		}

		@Override
		public String getPassword() {
			return passwordHash;
		}

		@Override
		public String getUsername() {
			return user.email();
		}

		@Override
		public boolean isAccountNonLocked() {
			return !locked;
		}

		@Override
		public boolean isEnabled() {
			return enabled;
		}

		@Override
		public void eraseCredentials() {
			passwordHash = null;
		}

	}

}
