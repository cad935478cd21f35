package io.queuedesk.ldap;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.StringUtils;

import io.queuedesk.ldap.Directory.Person;
import io.queuedesk.system.SignInUnavailableException;
import io.queuedesk.user.ExternalAccounts;
import io.queuedesk.user.ExternalAccounts.ExternalSignIn;
import io.queuedesk.user.ExternalAccounts.SignInAccount;
import io.queuedesk.user.ExternalAccounts.UnusableIdentityException;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignInSource;
import io.queuedesk.user.SignedInUser;

/**
 * The login form's one authentication provider while the directory is configured
 * (docs/RULES.md#accounts, "Sign-in through the directory"):
 * <ol>
 * <li>an account that signs in through the directory asks the directory only;</li>
 * <li>any other name tries the local password first, so local accounts keep working, also
 * while the directory is down (the break-glass path);</li>
 * <li>an unknown name, or a local account whose password did not match, then asks the
 * directory: the person it authenticates is provisioned, or linked to the local account
 * with the same email.</li>
 * </ol>
 * Wrong passwords are {@link BadCredentialsException}s, which the account lock counts (by
 * email or directory login name); a directory that does not answer is a
 * {@link SignInUnavailableException}, which it does not, except for a local account: its
 * own wrong password stays a wrong password.
 */
class LdapSignIn implements AuthenticationProvider {

	private static final Log log = LogFactory.getLog(LdapSignIn.class);

	private final AuthenticationProvider local;

	private final Directory directory;

	private final ExternalAccounts accounts;

	private final LdapSettings settings;

	LdapSignIn(AuthenticationProvider local, Directory directory, ExternalAccounts accounts, LdapSettings settings) {
		this.local = local;
		this.directory = directory;
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Optional<SignInAccount> account = database(() -> accounts.findForSignIn(authentication.getName()));
		if (account.isPresent() && account.get().source() == SignInSource.LDAP) {
			return throughDirectory(authentication, account);
		}
		try {
			return local.authenticate(authentication);
		}
		catch (BadCredentialsException wrongOrUnknown) {
			return orThroughDirectory(authentication, account, wrongOrUnknown);
		}
		catch (DisabledException disabled) {
			if (account.isEmpty() || !account.get().active()) {
				throw disabled; // deactivated: refused, whatever the directory says
			}
			// Never confirmed (a self-registration): the directory may vouch for it.
			return orThroughDirectory(authentication, account, disabled);
		}
	}

	private Authentication orThroughDirectory(Authentication authentication, Optional<SignInAccount> account,
			AuthenticationException localFailure) {
		try {
			return throughDirectory(authentication, account);
		}
		catch (SignInUnavailableException down) {
			if (account.isPresent()) {
				throw localFailure; // a local account's wrong password still counts
			}
			throw down;
		}
	}

	private Authentication throughDirectory(Authentication authentication, Optional<SignInAccount> account) {
		if (account.isPresent() && !account.get().source().hasLocalPassword()) {
			// Refused before asking the directory, which may count failures of its own.
			if (!account.get().active()) {
				throw new DisabledException("Account deactivated");
			}
			if (account.get().locked()) {
				throw new LockedException("Account locked");
			}
		}
		String typed = authentication.getName() == null ? "" : authentication.getName().strip();
		String password = authentication.getCredentials() instanceof String text ? text : "";
		if (typed.isEmpty() || password.isEmpty()) {
			// An empty password is an anonymous bind, which many directories accept.
			throw new BadCredentialsException("Empty name or password");
		}
		// A directory account may type its email; the directory knows it by its login.
		String login = account.map(SignInAccount::externalId)
			.filter(name -> account.get().source() == SignInSource.LDAP)
			.orElse(typed);
		Person person = directory.authenticate(login, password);
		Set<Role> managed = EnumSet.noneOf(Role.class);
		Set<Role> granted = EnumSet.noneOf(Role.class);
		mapGroup(person, settings.adminGroup(), Role.ADMIN, managed, granted);
		mapGroup(person, settings.developerGroup(), Role.DEVELOPER, managed, granted);
		SignedInUser user;
		try {
			ExternalSignIn signIn = new ExternalSignIn(SignInSource.LDAP, login, person.email(), person.displayName(),
					granted, managed, person.dn());
			user = database(() -> {
				try {
					return accounts.signIn(signIn);
				}
				catch (DataIntegrityViolationException raced) {
					// A first sign-in of the same person (another tab or instance) has
					// just created the account: sign in to it.
					return accounts.signIn(signIn);
				}
			});
		}
		catch (UnusableIdentityException ex) {
			log.warn(ex.getMessage() + ": the person cannot sign in until the directory has their email (mail)");
			throw new DisabledException("No usable email in the directory", ex);
		}
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	private void mapGroup(Person person, String group, Role role, Set<Role> managed, Set<Role> granted) {
		if (!StringUtils.hasText(group)) {
			return;
		}
		managed.add(role);
		if (directory.isMember(person, group)) {
			granted.add(role);
		}
	}

	/**
	 * As Spring's own provider does with its user service: any other failure (the
	 * database's) is an internal one, which the login's failure handler answers with 503
	 * when the database is down or busy.
	 */
	private static <T> T database(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (AuthenticationException | UnusableIdentityException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InternalAuthenticationServiceException(ex.getMessage(), ex);
		}
	}

}
