package io.queuedesk.user;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Two-factor authentication settings ({@code queuedesk.two-factor.*}; defaults and
 * environment variables in {@code application.properties}).
 *
 * @param requiredRoles {@code QUEUEDESK_2FA_REQUIRED_ROLES}: users with any of these
 * roles must turn 2FA on before they can use anything else; an unknown role name stops
 * the start
 * @param key {@code QUEUEDESK_2FA_KEY}: encrypts the TOTP secrets in the database
 * ({@link TotpSecrets}); empty stores them unencrypted
 */
@ConfigurationProperties("queuedesk.two-factor")
public record TwoFactorSettings(@Nullable List<String> requiredRoles, @Nullable String key) {

	public TwoFactorSettings {
		requiredRoles = requiredRoles == null ? List.of()
				: requiredRoles.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
		if (RoleNames.parse(requiredRoles).isEmpty()) {
			throw new IllegalArgumentException("queuedesk.two-factor.required-roles (QUEUEDESK_2FA_REQUIRED_ROLES) "
					+ "holds an unknown role: " + requiredRoles + "; known: ADMIN, DEVELOPER, SUBMITTER");
		}
	}

	/** The roles that require 2FA; empty when none does. */
	public Set<Role> roles() {
		return RoleNames.parse(requiredRoles).orElseGet(() -> EnumSet.noneOf(Role.class));
	}

}
