/**
 * Single sign-on through an OpenID Connect provider (SPEC §11, docs/RULES.md#accounts):
 * off until {@code QUEUEDESK_OIDC_ISSUER_URI} or Spring Boot's
 * {@code spring.security.oauth2.client.registration.*} is set; then the login page has a
 * "Sign in with …" button, Spring Security's OAuth 2.0 login runs the authorization code
 * flow, and the provider's verified email signs the person in through
 * {@link io.queuedesk.user.ExternalAccounts} (provisioning, linking, group roles), so the
 * session holds the same {@link io.queuedesk.user.SignedInUser} as a password sign-in.
 */
@ApplicationModule(allowedDependencies = { "user", "system" })
package io.queuedesk.oidc;

import org.springframework.modulith.ApplicationModule;
