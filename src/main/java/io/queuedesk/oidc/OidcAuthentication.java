package io.queuedesk.oidc;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import io.queuedesk.user.SignedInUser;

/**
 * A session signed in through single sign-on: its principal is the {@link SignedInUser},
 * as after a password sign-in, so every page and service works the same. It keeps the ID
 * token (for the provider's logout, which wants it back as {@code id_token_hint}) and the
 * registration it came from; no access or refresh token is kept.
 */
final class OidcAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final SignedInUser user;

	private final OidcIdToken idToken;

	private final String registrationId;

	OidcAuthentication(SignedInUser user, OidcIdToken idToken, String registrationId, Object details) {
		super(user.getAuthorities());
		this.user = user;
		this.idToken = idToken;
		this.registrationId = registrationId;
		setDetails(details);
		setAuthenticated(true);
	}

	@Override
	public SignedInUser getPrincipal() {
		return user;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	/** The email, as for a password sign-in (the session store's principal name). */
	@Override
	public String getName() {
		return user.getEmail();
	}

	OidcIdToken idToken() {
		return idToken;
	}

	String registrationId() {
		return registrationId;
	}

}
