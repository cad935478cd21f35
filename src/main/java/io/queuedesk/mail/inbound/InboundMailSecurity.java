package io.queuedesk.mail.inbound;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * {@code POST /api/inbound-mail} has a security chain of its own, before the pages' one:
 * mail servers call it with a bearer token (checked by {@link InboundMailController}),
 * never with a session, so it neither reads nor creates one and needs no CSRF token; a
 * session cookie sent along counts for nothing.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class InboundMailSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain inboundMailFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(InboundMailController.PATH)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.requireExplicitSave(true))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.anonymous(anonymous -> anonymous.disable());
		return http.build();
	}

}
