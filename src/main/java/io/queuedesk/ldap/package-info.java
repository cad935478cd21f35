/**
 * Sign-in through the company directory, LDAP or Active Directory (SPEC §11,
 * docs/RULES.md#accounts): off until {@code QUEUEDESK_LDAP_URL} is set; then the login
 * form checks local passwords first and the directory after, provisions and links
 * accounts through {@link io.queuedesk.user.ExternalAccounts}, maps directory groups to
 * roles at every sign-in, and says "the directory is not reachable" when it is down.
 * Spring Security's LDAP support does the protocol.
 */
@ApplicationModule(allowedDependencies = { "user", "system" })
package io.queuedesk.ldap;

import org.springframework.modulith.ApplicationModule;
