package io.queuedesk.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login, CSRF on every POST, role-based URL rules as a first fence (services check
 * again with method security) and strict security headers.
 */
@Configuration
@EnableMethodSecurity
// Also here, not only found by the application's scan: @WebMvcTest slices import this
// class.
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

	/**
	 * No inline scripts or styles anywhere, so this policy holds on every page.
	 * Bootstrap's icon font and images come from the app itself (webjars), never from a
	 * CDN.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Web only: the jar's commands run without a web server, where there is no
	 * HttpSecurity.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies,
			ObjectProvider<AuthenticationSuccessHandler> signInSuccess) throws Exception {
		// Per-address limit on POST /login (and its second step, /login/2fa), before
		// authentication (and any account counter) is reached.
		http.addFilterBefore(new LoginRateLimitFilter(settings.login().maxPerAddressPerMinute()),
				UsernamePasswordAuthenticationFilter.class);
		// And on the anonymous forms that send mail, so they cannot be used to flood a
		// mailbox.
		http.addFilterBefore(
				new LoginRateLimitFilter(settings.accountMail().maxPerAddressPerMinute(),
						"queuedesk.account-mail.max-per-address-per-minute", "/register", "/password/forgot"),
				UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
					.permitAll()
					.requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon*", "/error", "/login", "/login/2fa")
					.permitAll()
					// The account flows of visitors who cannot sign in (yet); CSRF still
					// guards their POSTs.
					.requestMatchers("/register", "/register/confirm", "/password/forgot", "/password/reset")
					.permitAll()
					.requestMatchers("/actuator/health/**", "/actuator/prometheus")
					.permitAll()
					.requestMatchers("/admin/**", "/queues/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated())
			// The JSON API answers 401; every other page sends the visitor to the login
			// page,
			// whatever Accept header the client sends.
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
				.defaultAuthenticationEntryPointFor(toLogin(), AnyRequestMatcher.INSTANCE))
			// Anonymous pages create no session (SessionlessVisitors): the CSRF token
			// lives in a
			// cookie, no request is saved for after the login (it always goes to "/"),
			// and a failed
			// login is told by ?error alone.
			.csrf(csrf -> csrf.csrfTokenRepository(SessionlessVisitors.csrfTokenCookie(secureCookies))
				.csrfTokenRequestHandler(SessionlessVisitors.csrfTokenOnEveryRequest()))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			// After the password: home, or the second factor's step when the account has
			// 2FA on (user/TwoFactorSignIn, which also adds its set-up filter as a
			// Customizer<HttpSecurity> bean: user/TwoFactorWebSecurity).
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signInSuccess.getIfUnique(SecurityConfig::toHome))
				.failureHandler(SessionlessVisitors.loginFailure("/login?error"))
				.permitAll())
			// Module oidc adds its login and logout handler
			// by a Customizer<HttpSecurity>, applied earlier.
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	/** Always home after the password (no saved request); see NullRequestCache. */
	static AuthenticationSuccessHandler toHome() {
		SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
		home.setAlwaysUseDefaultTargetUrl(true);
		return home;
	}

	/**
	 * To the login page by a relative {@code Location}: the entry point would otherwise
	 * build an absolute URL from the request's Host header, which anyone can set (issue
	 * 12: {@code Host:
	 * evil.example} came back as {@code Location: http://evil.example/login}).
	 */
	static LoginUrlAuthenticationEntryPoint toLogin() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * No Micrometer observation around each of the security chain's filters,
	 * authentications and authorizations: about a dozen timers started and stopped per
	 * request, a measurable share of a page's CPU, and nobody reads them. Request timings
	 * stay ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** BCrypt by default, with the {id} prefix so the algorithm can be upgraded later. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
