package io.queuedesk.oidc;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

import io.queuedesk.user.ExternalAccounts;
import io.queuedesk.user.ExternalAccounts.ExternalSignIn;
import io.queuedesk.user.ExternalAccounts.UnusableIdentityException;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignInSource;
import io.queuedesk.user.SignedInUser;

/**
 * Turns the person the provider has just authenticated (its ID token checked by Spring
 * Security, its user info fetched) into a Queuedesk sign-in (docs/RULES.md#accounts,
 * "Single sign-on"): only a <em>verified</em> email ({@code email_verified} true, or not
 * false where {@code QUEUEDESK_OIDC_TRUST_EMAIL} says the provider vouches for all) is
 * trusted, because it provisions the account or links a local one with that email; the
 * groups claim sets the roles that have a group setting. Every refusal is an
 * {@link OAuth2AuthenticationException} whose error code {@link SignInRefusal} turns into
 * the login page's message.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Log log = LogFactory.getLog(OidcSignIn.class);

	/** Error codes of refusals, read by {@link SignInRefusal}. */
	static final String UNVERIFIED_EMAIL = "queuedesk_unverified_email";

	static final String NO_EMAIL = "queuedesk_no_email";

	static final String DEACTIVATED = "queuedesk_deactivated";

	static final String LOCKED = "queuedesk_locked";

	private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

	private final ExternalAccounts accounts;

	private final OidcSettings settings;

	OidcSignIn(OAuth2UserService<OidcUserRequest, OidcUser> provider, ExternalAccounts accounts,
			OidcSettings settings) {
		this.provider = provider;
		this.accounts = accounts;
		this.settings = settings;
	}

	OidcSignIn(ExternalAccounts accounts, OidcSettings settings) {
		this(new OidcUserService(), accounts, settings);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = provider.loadUser(request);
		String issuer = person.getIssuer() == null ? request.getClientRegistration().getRegistrationId()
				: person.getIssuer().toString();
		String reference = issuer + " subject " + person.getSubject();
		String email = person.getClaimAsString(settings.emailClaimName());
		if (!StringUtils.hasText(email) || !email.contains("@")) {
			log.warn("Single sign-on refused for " + reference + ": the provider sends no email in the claim '"
					+ settings.emailClaimName() + "' (is the scope 'email' allowed for the client?)");
			throw refusal(NO_EMAIL, "The provider sends no email");
		}
		Boolean verified = person.getEmailVerified();
		if (settings.trustEmail() ? Boolean.FALSE.equals(verified) : !Boolean.TRUE.equals(verified)) {
			// An email anyone could type at the provider would take over the local
			// account that has it.
			log.info("Single sign-on refused for " + reference + ": the email " + email
					+ " is not verified by the provider");
			throw refusal(UNVERIFIED_EMAIL, "The provider has not verified the email");
		}
		Set<String> groups = groups(person.getClaims().get(settings.groupsClaimName()));
		Set<Role> managed = EnumSet.noneOf(Role.class);
		Set<Role> granted = EnumSet.noneOf(Role.class);
		mapGroup(groups, settings.adminGroup(), Role.ADMIN, managed, granted);
		mapGroup(groups, settings.developerGroup(), Role.DEVELOPER, managed, granted);
		// The subject is the provider's stable, case-sensitive id of the person; with the
		// registration in front, two providers' subjects never meet.
		String login = request.getClientRegistration().getRegistrationId() + ":" + person.getSubject();
		ExternalSignIn signIn = new ExternalSignIn(SignInSource.OIDC, login, email, displayName(person), granted,
				managed, reference);
		SignedInUser user;
		try {
			try {
				user = accounts.signIn(signIn);
			}
			catch (DataIntegrityViolationException raced) {
				// A first sign-in of the same person (another tab or instance) has just
				// created the account: sign in to it.
				user = accounts.signIn(signIn);
			}
		}
		catch (DisabledException ex) {
			throw refusal(DEACTIVATED, "Account deactivated");
		}
		catch (LockedException ex) {
			throw refusal(LOCKED, "Account locked");
		}
		catch (UnusableIdentityException ex) {
			log.warn("Single sign-on refused: " + ex.getMessage());
			throw refusal(NO_EMAIL, "No usable email");
		}
		return new SignedInOidcUser(person, user);
	}

	private static @Nullable String displayName(OidcUser person) {
		if (StringUtils.hasText(person.getFullName())) {
			return person.getFullName();
		}
		String given = person.getGivenName() == null ? "" : person.getGivenName();
		String family = person.getFamilyName() == null ? "" : person.getFamilyName();
		String both = (given + " " + family).strip();
		return both.isEmpty() ? person.getPreferredUsername() : both;
	}

	/** A list of names (most providers), or one name, or nothing. */
	private static Set<String> groups(@Nullable Object claim) {
		Set<String> names = new LinkedHashSet<>();
		if (claim instanceof Collection<?> values) {
			values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
		}
		else if (claim instanceof String one) {
			names.add(one);
		}
		return names;
	}

	private static void mapGroup(Set<String> groups, @Nullable String group, Role role, Set<Role> managed,
			Set<Role> granted) {
		if (!StringUtils.hasText(group)) {
			return;
		}
		managed.add(role);
		String wanted = group.strip();
		if (groups.stream().anyMatch(name -> name.strip().equalsIgnoreCase(wanted))) {
			granted.add(role);
		}
	}

	private static OAuth2AuthenticationException refusal(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
	}

}
