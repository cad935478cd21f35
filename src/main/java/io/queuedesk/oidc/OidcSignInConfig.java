package io.queuedesk.oidc;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import io.queuedesk.user.ExternalAccounts;

/**
 * Single sign-on, only with a provider configured ({@link OidcConfigured}). It adds
 * Spring Security's OAuth 2.0 login to the application's one filter chain through a
 * {@code Customizer<HttpSecurity>} bean, which Spring Security applies to the
 * {@code HttpSecurity} before {@code system/SecurityConfig} builds the chain: the rest of
 * the chain (CSRF, session fixation, headers, URL rules, form login) stays as it is.
 * Without a provider nothing here exists, so neither do {@code /oauth2/authorization/*}
 * and {@code /login/oauth2/code/*}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfigured.class)
@EnableConfigurationProperties(OidcSettings.class)
class OidcSignInConfig {

	/**
	 * The {@code QUEUEDESK_OIDC_*} provider; Spring Boot's own registrations
	 * ({@code spring.security.oauth2.client.*}) make the repository without it.
	 */
	@Bean
	@Conditional(OidcConfigured.Issuer.class)
	IssuerRegistration oidcIssuerRegistration(OidcSettings settings) {
		return new IssuerRegistration(settings);
	}

	@Bean
	OidcSignIn oidcSignIn(ExternalAccounts accounts, OidcSettings settings) {
		return new OidcSignIn(accounts, settings);
	}

	@Bean
	OidcButtons oidcButtons(ClientRegistrationRepository registrations, OidcSettings settings) {
		List<OidcButtons.Button> buttons = new ArrayList<>();
		if (registrations instanceof IssuerRegistration) {
			buttons.add(new OidcButtons.Button(OidcSettings.REGISTRATION_ID, settings.buttonName()));
		}
		else if (registrations instanceof Iterable<?> all) {
			// Spring Boot's registrations: those that speak OpenID Connect.
			for (Object each : all) {
				if (each instanceof ClientRegistration registration
						&& registration.getScopes().contains(OidcScopes.OPENID)) {
					buttons.add(new OidcButtons.Button(registration.getRegistrationId(), registration.getClientName()));
				}
			}
		}
		return new OidcButtons(buttons);
	}

	@Bean
	Customizer<HttpSecurity> oidcLogin(ClientRegistrationRepository registrations, OidcSignIn signIn) {
		// Spring Security's default, made explicit: the completion saves its own
		// authentication in the same repository.
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		SignInRefusal refusal = new SignInRefusal();
		return http -> {
			try {
				http.oauth2Login(login -> login.loginPage("/login")
					.clientRegistrationRepository(registrations)
					.authorizedClientRepository(new NoTokensKept())
					.userInfoEndpoint(
							userInfo -> userInfo.oidcUserService(signIn).userService(OidcSignInConfig::notOidc))
					.securityContextRepository(contexts)
					.successHandler(new SignInCompletion(contexts))
					.failureHandler(refusal)
					// And when the sign-in cannot even start (the provider's discovery
					// failed): the login page says so instead of an error page.
					.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
						@Override
						public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
							filter.setAuthenticationFailureHandler(refusal);
							return filter;
						}
					}))
					// Applied before SecurityConfig's logout(…), whose logoutSuccessUrl
					// keeps a success handler set here (OidcSignInTest signs out).
					.logout(logout -> logout.logoutSuccessHandler(new ProviderLogout(registrations)));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Single sign-on could not be set up", ex);
			}
		};
	}

	/** A registration without the openid scope is plain OAuth 2.0: nobody's identity. */
	private static OAuth2User notOidc(OAuth2UserRequest request) {
		throw new OAuth2AuthenticationException(new OAuth2Error("queuedesk_not_oidc", "The registration "
				+ request.getClientRegistration().getRegistrationId() + " does not ask for the openid scope", null));
	}

	/**
	 * Queuedesk calls no API of the provider: its access and refresh tokens are not kept
	 * (not in the session store either).
	 */
	static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
