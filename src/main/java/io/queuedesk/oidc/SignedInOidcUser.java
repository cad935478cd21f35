package io.queuedesk.oidc;

import java.io.Serial;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.queuedesk.user.SignedInUser;

/**
 * The provider's person, signed in to their Queuedesk account: what {@link OidcSignIn}
 * hands back to Spring Security's login filter, which wants an {@link OidcUser}. Its name
 * is the account's email, like every principal's here (the session store finds a user's
 * sessions by it). {@link SignInCompletion} then puts the {@link SignedInUser} itself in
 * the session.
 */
class SignedInOidcUser extends DefaultOidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final SignedInUser user;

	SignedInOidcUser(OidcUser person, SignedInUser user) {
		super(user.getAuthorities(), person.getIdToken(), person.getUserInfo());
		this.user = user;
	}

	SignedInUser user() {
		return user;
	}

	@Override
	public String getName() {
		return user.getEmail();
	}

}
