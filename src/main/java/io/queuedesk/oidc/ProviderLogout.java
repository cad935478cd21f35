package io.queuedesk.oidc;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After the local session has ended: a session signed in through single sign-on also
 * signs out at the provider when its discovery document offers an
 * {@code end_session_endpoint} (RP-initiated logout, Spring Security's handler, with the
 * ID token as {@code id_token_hint}), which sends the browser back to
 * {@code /login?logout}; every other sign-out goes straight to {@code /login?logout}, as
 * before.
 */
class ProviderLogout implements LogoutSuccessHandler {

	static final String SIGNED_OUT = "/login?logout";

	private final OidcClientInitiatedLogoutSuccessHandler provider;

	ProviderLogout(ClientRegistrationRepository registrations) {
		this.provider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		// The provider must list this URL among the client's post-logout redirect URIs.
		provider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
		provider.setDefaultTargetUrl(SIGNED_OUT);
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		Authentication forProvider = authentication;
		if (authentication instanceof OidcAuthentication signedIn) {
			// Spring's handler reads the ID token from the token its own login made.
			forProvider = new OAuth2AuthenticationToken(
					new DefaultOidcUser(signedIn.getAuthorities(), signedIn.idToken()), signedIn.getAuthorities(),
					signedIn.registrationId());
		}
		try {
			provider.onLogoutSuccess(request, response, forProvider);
		}
		catch (IssuerRegistration.ProviderUnavailableException ex) {
			// Signed out here; the provider's own session stays (its sign-out page would
			// not
			// answer either).
			response.sendRedirect(request.getContextPath() + SIGNED_OUT);
		}
	}

}
