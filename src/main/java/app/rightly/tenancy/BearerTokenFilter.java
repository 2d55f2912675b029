package app.rightly.tenancy;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer rly_…} requests with a personal API token. A
 * request without the header passes on unauthenticated (and is then refused with 401
 * where authentication is required); a header with an unknown, revoked or expired token
 * is refused at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	BearerTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			refuse(request, response, "Use 'Authorization: Bearer <token>' with a personal API token.");
			return;
		}
		var user = tokens.authenticate(header.substring(7).trim());
		if (user.isEmpty()) {
			refuse(request, response, "The API token is unknown, revoked or expired.");
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(user.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		ProblemResponses.write(request, response, app.rightly.shared.Problems.Type.UNAUTHORIZED, detail);
	}

	/** An authenticated API request: the principal is the token's user. */
	static final class TokenAuthentication extends AbstractAuthenticationToken {

		private final CurrentUser user;

		TokenAuthentication(CurrentUser user) {
			super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
			this.user = user;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public CurrentUser getPrincipal() {
			return user;
		}

	}

}
