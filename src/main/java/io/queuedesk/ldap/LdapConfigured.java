package io.queuedesk.ldap;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when {@code QUEUEDESK_LDAP_URL} has a value. Not {@code @ConditionalOnProperty}:
 * {@code application.properties} always defines the property, empty by default, and an
 * empty value would count as set there.
 */
class LdapConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("queuedesk.ldap.url"));
	}

}
