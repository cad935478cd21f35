package io.queuedesk.ldap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.user.ExternalAccounts;

/**
 * Sign-in through the directory, only when {@code QUEUEDESK_LDAP_URL} is set. Its
 * {@link LdapSignIn} is then the application's one {@link AuthenticationProvider} bean,
 * which Spring Security's global authentication manager takes instead of building its own
 * provider from the {@link UserDetailsService}: the local password check moves inside it,
 * first in line. Without the setting nothing here exists and sign-in is as before.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LdapConfigured.class)
@EnableConfigurationProperties(LdapSettings.class)
class LdapSignInConfig {

	@Bean
	Directory ldapDirectory(LdapSettings settings) {
		return new Directory(settings);
	}

	@Bean
	AuthenticationProvider ldapSignIn(UserDetailsService localAccounts, PasswordEncoder passwordEncoder,
			Directory directory, ExternalAccounts accounts, LdapSettings settings) {
		// The provider Spring would build from the user service without this bean.
		DaoAuthenticationProvider local = new DaoAuthenticationProvider(localAccounts);
		local.setPasswordEncoder(passwordEncoder);
		return new LdapSignIn(local, directory, accounts, settings);
	}

}
