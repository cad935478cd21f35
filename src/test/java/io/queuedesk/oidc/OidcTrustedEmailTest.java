package io.queuedesk.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.queuedesk.oidc.Browserless.Page;
import io.queuedesk.user.TestUsers;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A provider that sends no {@code email_verified} and the email in another claim, as
 * Entra ID does for a company's own users: with {@code QUEUEDESK_OIDC_TRUST_EMAIL} and
 * {@code QUEUEDESK_OIDC_EMAIL_CLAIM=upn} its users sign in; an explicit
 * {@code email_verified=false} still refuses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OidcTrustedEmailTest {

	static final String ISSUER_ID = "tenant";

	static final String CLIENT_ID = "queuedesk-entra";

	static final MockOAuth2Server provider = TestProvider.started();

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		TestProvider.register(registry, provider, ISSUER_ID, CLIENT_ID, "Microsoft");
		registry.add("QUEUEDESK_OIDC_EMAIL_CLAIM", () -> "upn");
		registry.add("QUEUEDESK_OIDC_TRUST_EMAIL", () -> "true");
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEmailOfTheConfiguredClaimWithoutEmailVerifiedSignsIn() throws Exception {
		String upn = TestUsers.uniqueEmail("entra.user");
		Map<String, Object> claims = new HashMap<>();
		claims.put("upn", upn);
		claims.put("name", "Entra User");
		// No email_verified, and an "email" claim that is not the one configured.
		claims.put("email", "someone-else@elsewhere.example");

		Page home = signIn(claims);

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Entra User");
		assertThat(jdbc.sql("select sign_in_source from users where email = ?").param(upn).query(String.class).single())
			.isEqualTo("OIDC");
		assertThat(jdbc.sql("select count(*) from users where email = ?")
			.param("someone-else@elsewhere.example")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anExplicitlyUnverifiedEmailIsStillRefused() throws Exception {
		String upn = TestUsers.uniqueEmail("entra.unverified");
		Map<String, Object> claims = new HashMap<>();
		claims.put("upn", upn);
		claims.put("email_verified", false);

		Page refused = signIn(claims);

		assertThat(refused.uri().toString()).endsWith("/login?sso=unverified");
		assertThat(jdbc.sql("select count(*) from users where email = ?").param(upn).query(Long.class).single())
			.isZero();
	}

	private Page signIn(Map<String, Object> claims) throws Exception {
		TestProvider.enqueue(provider, ISSUER_ID, CLIENT_ID, "sub-" + UUID.randomUUID(), claims);
		return new Browserless(port).get("/oauth2/authorization/oidc");
	}

}
