package io.queuedesk.oidc;

import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The OpenID Connect provider of a test class (NAV's mock-oauth2-server on a free port),
 * registered as {@code QUEUEDESK_OIDC_*}.
 */
final class TestProvider {

	private TestProvider() {
	}

	static MockOAuth2Server started() {
		MockOAuth2Server server = new MockOAuth2Server();
		server.start();
		return server;
	}

	/**
	 * Registers the provider's issuer {@code issuerId} by the environment variables'
	 * names, so that application.properties maps them.
	 */
	static void register(DynamicPropertyRegistry registry, MockOAuth2Server provider, String issuerId, String clientId,
			String buttonName) {
		registry.add("QUEUEDESK_OIDC_ISSUER_URI", () -> provider.issuerUrl(issuerId).toString());
		registry.add("QUEUEDESK_OIDC_CLIENT_ID", () -> clientId);
		registry.add("QUEUEDESK_OIDC_CLIENT_SECRET", () -> "client-secret");
		registry.add("QUEUEDESK_OIDC_NAME", () -> buttonName);
	}

	/** The claims of the next tokens the provider issues, for {@code subject}. */
	static void enqueue(MockOAuth2Server provider, String issuerId, String clientId, String subject,
			Map<String, Object> claims) {
		provider
			.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(clientId), claims, 3600));
	}

}
