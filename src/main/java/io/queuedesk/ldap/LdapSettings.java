package io.queuedesk.ldap;

import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The directory's settings ({@code queuedesk.ldap.*}, environment
 * {@code QUEUEDESK_LDAP_*}; defaults in {@code application.properties}, README "Sign-in
 * options"). Read only when {@code url} is set ({@link LdapConfigured}); a setting that
 * cannot work stops the start with a message naming its variable.
 *
 * @param url {@code ldap://host:389/dc=example,dc=com} or {@code ldaps://…}: the server
 * and the base DN under which every other DN here is written
 * @param userDnPattern the user's DN from the typed name, e.g. {@code uid={0},ou=people}
 * @param userSearchBase where to search for the user, e.g. {@code ou=people}
 * @param userSearchFilter how to find the user, e.g. {@code (sAMAccountName={0})}
 * @param managerDn who searches (full DN, or {@code user@domain} on Active Directory);
 * empty: anonymous
 * @param managerPassword its password
 * @param groupSearchBase where the groups are, e.g. {@code ou=groups}; empty: the groups
 * are the user entry's {@code memberOf} values (Active Directory, OpenLDAP's memberof)
 * @param groupSearchFilter which groups hold the user: {0} is the user's full DN, {1} the
 * typed name; empty: {@code (member={0})}
 * @param adminGroup the group (its DN, or its CN) whose members are admins; empty: ADMIN
 * stays as admins set it in Queuedesk
 * @param developerGroup the same for DEVELOPER
 * @param timeout how long connecting and each answer may take before the directory counts
 * as not reachable
 */
@Validated
@ConfigurationProperties("queuedesk.ldap")
record LdapSettings(@Nullable String url, @Nullable String userDnPattern, @Nullable String userSearchBase,
		@Nullable String userSearchFilter, @Nullable String managerDn, @Nullable String managerPassword,
		@Nullable String groupSearchBase, @Nullable String groupSearchFilter, @Nullable String adminGroup,
		@Nullable String developerGroup,
		@NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration timeout) {

	static final String DEFAULT_GROUP_SEARCH_FILTER = "(member={0})";

	LdapSettings {
		if (StringUtils.hasText(url)) {
			String lower = url.strip().toLowerCase(Locale.ROOT);
			if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
				throw new IllegalArgumentException(
						"QUEUEDESK_LDAP_URL must start with ldap:// or ldaps:// (it is " + url + ")");
			}
			if (!StringUtils.hasText(userDnPattern) && !StringUtils.hasText(userSearchFilter)) {
				throw new IllegalArgumentException("QUEUEDESK_LDAP_URL is set, but neither "
						+ "QUEUEDESK_LDAP_USER_DN_PATTERN nor QUEUEDESK_LDAP_USER_SEARCH_FILTER says how to find a user");
			}
			if (StringUtils.hasText(managerDn) && !StringUtils.hasText(managerPassword)) {
				throw new IllegalArgumentException(
						"QUEUEDESK_LDAP_MANAGER_DN is set without QUEUEDESK_LDAP_MANAGER_PASSWORD");
			}
		}
	}

	boolean searchesUsers() {
		return StringUtils.hasText(userSearchFilter);
	}

	boolean searchesGroups() {
		return StringUtils.hasText(groupSearchBase);
	}

	String groupFilter() {
		return StringUtils.hasText(groupSearchFilter) ? groupSearchFilter.strip() : DEFAULT_GROUP_SEARCH_FILTER;
	}

	static String orEmpty(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
