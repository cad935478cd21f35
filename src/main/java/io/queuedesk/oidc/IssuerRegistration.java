package io.queuedesk.oidc;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The {@code QUEUEDESK_OIDC_*} provider as the one client registration {@code oidc}. Its
 * endpoints come from the issuer's discovery document, read at the first use rather than
 * at start-up (as Spring Boot's {@code issuer-uri} does): a provider that is down while
 * Queuedesk starts must not keep the local accounts, the break-glass path, from signing
 * in. A failed discovery is tried again at the next sign-in.
 */
class IssuerRegistration implements ClientRegistrationRepository {

	private static final Log log = LogFactory.getLog(IssuerRegistration.class);

	private final OidcSettings settings;

	private volatile @Nullable ClientRegistration registration;

	IssuerRegistration(OidcSettings settings) {
		this.settings = settings;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!OidcSettings.REGISTRATION_ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known == null) {
			known = discover();
			registration = known;
		}
		return known;
	}

	private synchronized ClientRegistration discover() {
		ClientRegistration known = registration;
		if (known != null) {
			return known;
		}
		String issuer = settings.issuerUri().strip();
		try {
			return ClientRegistrations.fromIssuerLocation(issuer)
				.registrationId(OidcSettings.REGISTRATION_ID)
				.clientId(settings.clientId().strip())
				.clientSecret(orEmpty(settings.clientSecret()))
				// A client without a secret is a public one (PKCE only).
				.clientAuthenticationMethod(orEmpty(settings.clientSecret()).isEmpty() ? ClientAuthenticationMethod.NONE
						: ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "email", "profile")
				.userNameAttributeName(IdTokenClaimNames.SUB)
				.clientName(settings.buttonName())
				.build();
		}
		catch (RuntimeException ex) {
			log.warn("Single sign-on: the provider at " + issuer + " did not answer its discovery document ("
					+ ex.getMessage() + "); trying again at the next sign-in");
			throw new ProviderUnavailableException("The single sign-on provider is not reachable", ex);
		}
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	/** Discovery failed: the sign-in cannot start. */
	static class ProviderUnavailableException extends RuntimeException {

		ProviderUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
