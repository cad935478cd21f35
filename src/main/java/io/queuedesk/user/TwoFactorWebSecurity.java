package io.queuedesk.user;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The parts of two-factor authentication that sit in the security filter chain. The chain
 * itself is SecurityConfig's (module {@code system}, which knows no feature module): it
 * takes the success handler below for its form login, and Spring Security applies every
 * {@code Customizer<HttpSecurity>} bean to the chain it builds, which adds the set-up
 * filter. Web only, like the chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TwoFactorWebSecurity {

	@Bean
	TwoFactorSignIn twoFactorSignIn(TwoFactorService twoFactor, Clock clock) {
		return new TwoFactorSignIn(twoFactor, clock);
	}

	/**
	 * After authorization, so only requests that are allowed at all are sent to set up
	 * 2FA, and the signed-in user is known.
	 */
	@Bean
	Customizer<HttpSecurity> twoFactorSetupRequired(TwoFactorService twoFactor) {
		return http -> http.addFilterAfter(new TwoFactorSetupFilter(twoFactor), AuthorizationFilter.class);
	}

}
