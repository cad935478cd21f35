package io.queuedesk.oidc;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

import io.queuedesk.user.LanguageOnSignIn;

/**
 * After the provider's sign-in: the session's authentication becomes an
 * {@link OidcAuthentication} whose principal is the
 * {@link io.queuedesk.user.SignedInUser} (Spring Security's login filter has just stored
 * its own token, whose principal must be an {@code OidcUser}, which no page or service of
 * Queuedesk reads), then on to the start page, like a password sign-in. The session id
 * has already been changed by then (session fixation protection runs before this
 * handler).
 */
class SignInCompletion implements AuthenticationSuccessHandler {

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	SignInCompletion(SecurityContextRepository contexts) {
		this.contexts = contexts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (authentication instanceof OAuth2AuthenticationToken token
				&& token.getPrincipal() instanceof SignedInOidcUser person) {
			SecurityContext context = holder.createEmptyContext();
			context.setAuthentication(new OidcAuthentication(person.user(), person.getIdToken(),
					token.getAuthorizedClientRegistrationId(), token.getDetails()));
			holder.setContext(context);
			contexts.saveContext(context, request, response);
			LanguageOnSignIn.remember(request, person.user());
		}
		redirect.sendRedirect(request, response, "/");
	}

}
