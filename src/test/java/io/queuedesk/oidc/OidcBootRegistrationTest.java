package io.queuedesk.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Single sign-on from Spring Boot's standard {@code spring.security.oauth2.client.*}
 * settings instead of {@code QUEUEDESK_OIDC_*}: the registration's own id and client name
 * make the button, and the sign-in is the same.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OidcBootRegistrationTest {

	static final MockOAuth2Server provider = TestProvider.started();

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		String prefix = "spring.security.oauth2.client.";
		registry.add(prefix + "provider.corp.issuer-uri", () -> provider.issuerUrl("corp").toString());
		registry.add(prefix + "registration.corp.client-id", () -> "queuedesk-corp");
		registry.add(prefix + "registration.corp.client-secret", () -> "secret");
		registry.add(prefix + "registration.corp.client-name", () -> "Corp ID");
		registry.add(prefix + "registration.corp.scope", () -> "openid,email,profile");
		registry.add("QUEUEDESK_OIDC_DEVELOPER_GROUP", () -> "devs");
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
	void theRegistrationsButtonSignsIn() throws Exception {
		String subject = UUID.randomUUID().toString();
		String email = TestUsers.uniqueEmail("corp");
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of("queuedesk-corp"),
				Map.of("email", email, "email_verified", true, "name", "Corp Person", "groups", List.of("devs")),
				3600));
		Browserless browser = new Browserless(port);
		assertThat(browser.get("/login").body()).contains("href=\"/oauth2/authorization/corp\"")
			.contains("Sign in with Corp ID");
		Page home = browser.get("/oauth2/authorization/corp");
		assertThat(home.hops()).extracting(java.net.URI::getPath)
			.containsSubsequence("/corp/authorize", "/login/oauth2/code/corp", "/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Corp Person");
		assertThat(jdbc.sql("select external_id from users where email = ?").param(email).query(String.class).single())
			.isEqualTo("corp:" + subject);
		assertThat(jdbc
			.sql("select role from user_roles r join users u on u.id = r.user_id where u.email = ? order by role")
			.param(email)
			.query(String.class)
			.list()).containsExactly("DEVELOPER", "SUBMITTER");
	}

}
