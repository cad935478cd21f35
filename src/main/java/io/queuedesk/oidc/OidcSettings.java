package io.queuedesk.oidc;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The single sign-on settings ({@code queuedesk.oidc.*}, environment
 * {@code QUEUEDESK_OIDC_*}; defaults in {@code application.properties}, README "Sign-in
 * options").
 *
 * @param issuerUri the provider's issuer, whose {@code /.well-known/openid-configuration}
 * says everything else; empty: the registration comes from Spring Boot's
 * {@code spring.security.oauth2.client.*}, if any
 * @param clientId the client (application) id Queuedesk has at the provider
 * @param clientSecret its secret
 * @param name the button text: "Sign in with {name}"
 * @param groupsClaim the ID token or user info claim that lists the person's groups
 * @param adminGroup the group whose members are admins; empty: ADMIN stays as admins set
 * it in Queuedesk
 * @param developerGroup the same for DEVELOPER
 * @param emailClaim the claim that holds the person's email ({@code email}; Entra ID
 * users without a mailbox have only {@code upn} or {@code preferred_username})
 * @param trustEmail the provider vouches for every email it sends, as a single-tenant
 * company directory does where only admins set emails (Entra ID sends no
 * {@code email_verified}): a missing {@code email_verified} counts as verified, an
 * explicit {@code false} still refuses
 */
@ConfigurationProperties("queuedesk.oidc")
record OidcSettings(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
		@Nullable String name, @Nullable String groupsClaim, @Nullable String adminGroup,
		@Nullable String developerGroup, @Nullable String emailClaim, boolean trustEmail) {

	/**
	 * The registration id of the {@code QUEUEDESK_OIDC_*} provider: the URLs' last part.
	 */
	static final String REGISTRATION_ID = "oidc";

	OidcSettings {
		if (StringUtils.hasText(issuerUri)) {
			if (!StringUtils.hasText(clientId)) {
				throw new IllegalArgumentException("QUEUEDESK_OIDC_ISSUER_URI is set without QUEUEDESK_OIDC_CLIENT_ID");
			}
			String lower = issuerUri.strip().toLowerCase(java.util.Locale.ROOT);
			if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
				throw new IllegalArgumentException(
						"QUEUEDESK_OIDC_ISSUER_URI must be an https:// (or, for tests, http://) URL (it is " + issuerUri
								+ ")");
			}
		}
	}

	boolean hasIssuer() {
		return StringUtils.hasText(issuerUri);
	}

	String buttonName() {
		return StringUtils.hasText(name) ? name.strip() : "single sign-on";
	}

	String emailClaimName() {
		return StringUtils.hasText(emailClaim) ? emailClaim.strip() : "email";
	}

	String groupsClaimName() {
		return StringUtils.hasText(groupsClaim) ? groupsClaim.strip() : "groups";
	}

}
