package io.queuedesk.oidc;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when single sign-on has a provider: {@code QUEUEDESK_OIDC_ISSUER_URI} has a value
 * (not {@code @ConditionalOnProperty}: {@code application.properties} always defines it,
 * empty by default), or Spring Boot's
 * {@code spring.security.oauth2.client.registration.*} names at least one client.
 */
class OidcConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return issuerConfigured(context) || Binder.get(context.getEnvironment())
			.bind("spring.security.oauth2.client.registration",
					Bindable.mapOf(String.class, OAuth2ClientProperties.Registration.class))
			.map(registrations -> !registrations.isEmpty())
			.orElse(false);
	}

	static boolean issuerConfigured(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty("queuedesk.oidc.issuer-uri"));
	}

	/** Only the {@code QUEUEDESK_OIDC_*} provider. */
	static class Issuer implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return issuerConfigured(context);
		}

	}

}
