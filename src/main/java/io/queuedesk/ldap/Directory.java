package io.queuedesk.ldap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.util.StringUtils;

import io.queuedesk.system.SignInUnavailableException;

/**
 * The company directory, through Spring Security's LDAP support: checks a password by
 * binding as the user (found by DN pattern or by search), reads the person's email, name
 * and groups. Every failure to reach the directory (refused, timed out, broken answer) is
 * a {@link SignInUnavailableException}; a wrong password or unknown name a
 * {@link BadCredentialsException}.
 */
class Directory {

	private static final Log log = LogFactory.getLog(Directory.class);

	/** The JNDI provider's own settings, in milliseconds. */
	static final String CONNECT_TIMEOUT = "com.sun.jndi.ldap.connect.timeout";

	static final String READ_TIMEOUT = "com.sun.jndi.ldap.read.timeout";

	private static final String[] PERSON_ATTRIBUTES = { "mail", "displayName", "cn", "memberOf" };

	private final LdapSettings settings;

	private final DefaultSpringSecurityContextSource contextSource;

	private final BindAuthenticator authenticator;

	private final SpringSecurityLdapTemplate groups;

	/**
	 * A person the directory has just authenticated.
	 *
	 * @param dn the entry's full DN
	 * @param email its {@code mail}, if any
	 * @param displayName its {@code displayName}, else {@code cn}
	 * @param groups the DNs of its groups
	 * @param groupNames the CNs of its groups
	 */
	record Person(String dn, @Nullable String email, @Nullable String displayName, Set<String> groups,
			Set<String> groupNames) {
	}

	Directory(LdapSettings settings) {
		this.settings = settings;
		this.contextSource = new DefaultSpringSecurityContextSource(settings.url().strip());
		if (StringUtils.hasText(settings.managerDn())) {
			contextSource.setUserDn(settings.managerDn().strip());
			contextSource.setPassword(settings.managerPassword());
		}
		else {
			contextSource.setAnonymousReadOnly(true);
		}
		// Not pooled: sign-ins are rare, and a pooled connection that died with the
		// server would fail the first sign-in after it is back.
		contextSource.setPooled(false);
		String millis = Long.toString(settings.timeout().toMillis());
		contextSource.setBaseEnvironmentProperties(Map.of(CONNECT_TIMEOUT, millis, READ_TIMEOUT, millis));
		contextSource.afterPropertiesSet();

		this.authenticator = new BindAuthenticator(contextSource);
		if (StringUtils.hasText(settings.userDnPattern())) {
			authenticator.setUserDnPatterns(new String[] { settings.userDnPattern().strip() });
		}
		if (settings.searchesUsers()) {
			FilterBasedLdapUserSearch search = new FilterBasedLdapUserSearch(
					LdapSettings.orEmpty(settings.userSearchBase()), settings.userSearchFilter().strip(),
					contextSource);
			search.setSearchSubtree(true);
			search.setSearchTimeLimit((int) settings.timeout().toMillis());
			authenticator.setUserSearch(search);
		}
		authenticator.setUserAttributes(PERSON_ATTRIBUTES);
		authenticator.afterPropertiesSet();

		this.groups = new SpringSecurityLdapTemplate(contextSource);
		// Active Directory answers a search near the top with referrals to other
		// partitions: they are not groups of this domain.
		groups.setIgnorePartialResultException(true);
	}

	/**
	 * Binds as the user named {@code login} with this password and reads the person.
	 * @throws BadCredentialsException for a wrong password or an unknown name
	 * @throws SignInUnavailableException when the directory cannot be reached
	 */
	Person authenticate(String login, String password) {
		try {
			DirContextOperations entry = authenticator
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, password));
			String dn = entry.getNameInNamespace();
			Set<String> groupDns = new LinkedHashSet<>();
			Set<String> groupNames = new LinkedHashSet<>();
			if (settings.searchesGroups()) {
				searchGroups(dn, login, groupDns, groupNames);
			}
			else {
				String[] memberOf = entry.getStringAttributes("memberOf");
				for (String group : memberOf == null ? new String[0] : memberOf) {
					groupDns.add(group);
					commonName(group).ifPresent(groupNames::add);
				}
			}
			String displayName = entry.getStringAttribute("displayName");
			if (!StringUtils.hasText(displayName)) {
				displayName = entry.getStringAttribute("cn");
			}
			return new Person(dn, entry.getStringAttribute("mail"), displayName, groupDns, groupNames);
		}
		catch (BadCredentialsException | UsernameNotFoundException ex) {
			throw new BadCredentialsException("Wrong password or unknown name at the directory", ex);
		}
		catch (IncorrectResultSizeDataAccessException ex) {
			// The search filter found several entries: a name that is no one's login.
			log.warn("The directory's user search found " + ex.getActualSize() + " entries for one name; "
					+ "QUEUEDESK_LDAP_USER_SEARCH_FILTER should match one person at most");
			throw new BadCredentialsException("Ambiguous name at the directory", ex);
		}
		catch (org.springframework.ldap.NamingException ex) {
			// Refused connection, timeout, TLS failure, server busy or shutting down.
			log.warn("The directory at " + settings.url() + " is not reachable: " + ex.getMessage());
			throw new SignInUnavailableException("The directory is not reachable", ex);
		}
	}

	private void searchGroups(String userDn, String login, Set<String> groupDns, Set<String> groupNames) {
		Set<Map<String, List<String>>> found = groups.searchForMultipleAttributeValues(
				settings.groupSearchBase().strip(), settings.groupFilter(), new Object[] { userDn, login },
				new String[] { "cn" });
		for (Map<String, List<String>> group : found) {
			List<String> dn = group.get(SpringSecurityLdapTemplate.DN_KEY);
			if (dn != null && !dn.isEmpty()) {
				// Relative to the URL's base here; the roles compare full DNs.
				groupDns.add(absolute(dn.get(0)));
			}
			List<String> cn = group.get("cn");
			if (cn != null) {
				groupNames.addAll(cn);
			}
		}
	}

	private String absolute(String dn) {
		LdapName base = (LdapName) contextSource.getBaseLdapName().clone();
		if (base.isEmpty()) {
			return dn;
		}
		try {
			LdapName name = new LdapName(dn);
			if (name.startsWith(base)) {
				return dn; // already full
			}
			return base.addAll(name.getRdns()).toString();
		}
		catch (InvalidNameException ex) {
			return dn;
		}
	}

	/**
	 * Whether the group setting ({@code QUEUEDESK_LDAP_ADMIN_GROUP}, …) names one of the
	 * person's groups: by DN (full, or relative to the URL's base) when it has an
	 * {@code =}, else by CN; both ignoring case.
	 */
	boolean isMember(Person person, String group) {
		String wanted = group.strip();
		if (!wanted.contains("=")) {
			return person.groupNames().stream().anyMatch(name -> name.equalsIgnoreCase(wanted));
		}
		List<LdapName> candidates = new ArrayList<>();
		parse(wanted).ifPresent(candidates::add);
		parse(absolute(wanted)).ifPresent(candidates::add);
		return person.groups().stream().map(Directory::parse).flatMap(Optional::stream).anyMatch(candidates::contains);
	}

	private static Optional<LdapName> parse(String dn) {
		try {
			// LdapName compares attribute types and values ignoring case.
			return Optional.of(new LdapName(dn));
		}
		catch (InvalidNameException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> commonName(String dn) {
		return parse(dn).flatMap(name -> {
			if (name.isEmpty()) {
				return Optional.empty();
			}
			Rdn first = name.getRdn(name.size() - 1);
			return "cn".equals(first.getType().toLowerCase(Locale.ROOT)) ? Optional.of(first.getValue().toString())
					: Optional.empty();
		});
	}

}
