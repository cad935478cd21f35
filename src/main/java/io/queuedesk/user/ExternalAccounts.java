package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.TypedText;

/**
 * The accounts of people whom the company directory (module {@code ldap}) or the single
 * sign-on provider (module {@code oidc}) vouches for (SPEC §11, docs/RULES.md#accounts):
 * the first sign-in provisions the account, a local account with the same email becomes
 * the same person, and every sign-in brings the name and the group-given roles up to
 * date. Without method security: it runs during the sign-in, before anyone is signed in.
 */
@Service
public class ExternalAccounts {

	private static final Log log = LogFactory.getLog(ExternalAccounts.class);

	/** Column widths of {@code users}. */
	private static final int MAX_EMAIL = 254;

	private static final int MAX_DISPLAY_NAME = 100;

	private final UserRepository users;

	private final ActivityService activity;

	private final UserSessions sessions;

	private final Clock clock;

	ExternalAccounts(UserRepository users, ActivityService activity, UserSessions sessions, Clock clock) {
		this.users = users;
		this.activity = activity;
		this.clock = clock;
		this.sessions = sessions;
	}

	/**
	 * What the sign-in needs to know before it asks the directory.
	 *
	 * @param id the account
	 * @param email its email
	 * @param source how it signs in
	 * @param externalId the name it signs in with at the directory, if it did before
	 * @param active false once an admin deactivated it
	 * @param locked whether too many wrong passwords lock it right now
	 */
	public record SignInAccount(long id, String email, SignInSource source, @Nullable String externalId, boolean active,
			boolean locked) {
	}

	/**
	 * A person the directory has just authenticated.
	 *
	 * @param source where they signed in
	 * @param login the name they signed in with: a directory login name (lower-cased
	 * here, as the directory matches it ignoring case), or a single sign-on subject (kept
	 * as it is: providers compare subjects case-sensitively)
	 * @param email the directory's email of the person, trusted as theirs
	 * @param displayName the directory's name of the person (falls back to the login)
	 * @param grantedRoles the roles the directory's groups give them
	 * @param managedRoles the roles the directory decides (those with a group
	 * configured): each is added or taken away at every sign-in; the others stay as the
	 * admins set them
	 * @param reference where the person is in the directory (a DN), for the audit trail
	 */
	public record ExternalSignIn(SignInSource source, String login, String email, @Nullable String displayName,
			Set<Role> grantedRoles, Set<Role> managedRoles, String reference) {
	}

	/** Thrown when the directory's data cannot make an account (no usable email). */
	public static class UnusableIdentityException extends RuntimeException {

		UnusableIdentityException(String message) {
			super(message);
		}

	}

	/**
	 * The account that this sign-in name belongs to, if any: by email, else by the
	 * directory login name it last signed in with.
	 */
	@Transactional(readOnly = true)
	public Optional<SignInAccount> findForSignIn(String name) {
		if (name == null || name.isBlank() || TypedText.hasControlCharacter(name, false)) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		return users.findForSignIn(User.normalizeEmail(name))
			.map(user -> new SignInAccount(user.getId(), user.getEmail(), user.getSignInSource(), user.getExternalId(),
					user.isActive(), user.isLockedAt(now)));
	}

	/**
	 * Signs in a person the directory has authenticated, in one transaction with its
	 * audit entries: provisions the account on the first sign-in (a SUBMITTER plus what
	 * the groups give), links a local account with the same email (it loses its local
	 * password: from now on the directory decides), and brings the name and the managed
	 * roles up to date. A deactivated account is refused and left as it was, and so is a
	 * locked one, except through single sign-on (which checks no password here). The last
	 * active admin keeps ADMIN even when the directory takes it away
	 * (docs/RULES.md#accounts).
	 * @throws DisabledException for a deactivated account
	 * @throws LockedException for an account locked by wrong passwords
	 * @throws UnusableIdentityException when the email is empty or too long
	 */
	@Transactional
	public SignedInUser signIn(ExternalSignIn signIn) {
		String email = User.normalizeEmail(clean(signIn.email()));
		if (email == null || email.isEmpty() || email.length() > MAX_EMAIL || !email.matches(".+@.+")) {
			throw new UnusableIdentityException("The directory entry " + signIn.reference() + " has no usable email");
		}
		String login = signIn.source() == SignInSource.OIDC ? strip(clean(signIn.login()))
				: User.normalizeEmail(clean(signIn.login()));
		String name = displayName(signIn.displayName(), login);
		Instant now = Instant.now(clock);
		Optional<User> existing = users.findByEmail(email).or(() -> movedEmail(signIn.source(), login));
		User user;
		if (existing.isEmpty()) {
			user = provision(signIn, email, login, name, now);
		}
		else {
			user = existing.get();
			if (!user.isActive()) {
				throw new DisabledException("Account deactivated");
			}
			// The lock stops password guessing. Single sign-on checks no password here,
			// and
			// anyone who knows the email can lock the account by typing wrong passwords,
			// so
			// the lock would only keep the real person out.
			if (signIn.source() != SignInSource.OIDC && user.isLockedAt(now)) {
				throw new LockedException("Account locked");
			}
			if (!user.getEmail().equals(email)) {
				user.setEmail(email);
			}
			if (user.getSignInSource() != signIn.source()) {
				link(user, signIn);
			}
			if (!user.getDisplayName().equals(name)) {
				user.setDisplayName(name);
			}
			syncRoles(user, signIn);
		}
		if (login != null && !login.equals(user.getExternalId())) {
			users.releaseExternalId(signIn.source(), login, user.getId());
		}
		user.signInThrough(signIn.source(), login);
		activity.record(self(user), ActivityAction.SIGNED_IN, subject(user),
				"through " + signIn.source() + " as " + login + " (" + signIn.reference() + ")");
		return new SignedInUser(user, false);
	}

	/**
	 * An account that signed in under this login name before, with an email the directory
	 * has changed since: it is the same person, and takes the new email (which no other
	 * account has, or it would have been found by it).
	 */
	private Optional<User> movedEmail(SignInSource source, @Nullable String login) {
		if (login == null) {
			return Optional.empty();
		}
		var byLogin = users.findBySignInSourceAndExternalId(source, login);
		return byLogin.size() == 1 ? Optional.of(byLogin.get(0)) : Optional.empty();
	}

	private User provision(ExternalSignIn signIn, String email, String login, String name, Instant now) {
		Set<Role> roles = EnumSet.of(Role.SUBMITTER);
		roles.addAll(signIn.grantedRoles());
		User user = new User(email, name, null, roles, now);
		user.signInThrough(signIn.source(), login);
		users.saveAndFlush(user);
		activity.record(self(user), ActivityAction.USER_CREATED, subject(user),
				"provisioned from " + signIn.source() + " (" + signIn.reference() + "); roles: " + user.getRoles());
		return user;
	}

	/**
	 * The directory vouches for the email, so a local account with it is this person's:
	 * it signs in through the directory from now on. A pending email confirmation is
	 * settled by the same trust.
	 */
	private void link(User user, ExternalSignIn signIn) {
		SignInSource before = user.getSignInSource();
		user.setConfirmed(true); // signIn() then moves it to the directory's source
		activity.record(self(user), ActivityAction.ACCOUNT_LINKED, subject(user),
				before + " account linked to " + signIn.source() + " (" + signIn.reference() + ")"
						+ (before.hasLocalPassword() ? "; its local password was removed" : ""));
	}

	private void syncRoles(User user, ExternalSignIn signIn) {
		Set<Role> before = user.getRoles();
		Set<Role> after = EnumSet.noneOf(Role.class);
		after.addAll(before);
		after.removeAll(signIn.managedRoles());
		after.addAll(signIn.grantedRoles());
		after.add(Role.SUBMITTER);
		boolean keptAdmin = false;
		if (before.contains(Role.ADMIN) && !after.contains(Role.ADMIN) && user.isActive()) {
			// As UserAdminService does: lock the admins' rows, then count afresh.
			users.lockActiveAdmins();
			if (users.countActiveAdmins() <= 1) {
				after.add(Role.ADMIN);
				keptAdmin = true;
				log.warn(user.getEmail() + " keeps ADMIN although " + signIn.source()
						+ " took the admin group away: it is the last active admin. Make someone else an admin.");
			}
		}
		if (after.equals(before)) {
			return;
		}
		user.replaceRoles(after);
		activity.record(self(user), ActivityAction.ROLES_CHANGED, subject(user), "roles: " + before + " → " + after
				+ " by " + signIn.source() + " groups" + (keptAdmin ? "; kept ADMIN: the last active admin" : ""));
		// Sessions opened with the old roles end; the one being opened gets the new ones.
		sessions.endAfterCommit(user.getEmail());
	}

	private static String displayName(@Nullable String fromDirectory, String login) {
		String name = clean(fromDirectory);
		if (name == null || name.isBlank()) {
			name = login == null ? "?" : login;
		}
		name = name.strip();
		return name.length() > MAX_DISPLAY_NAME ? name.substring(0, MAX_DISPLAY_NAME).strip() : name;
	}

	private static @Nullable String strip(@Nullable String value) {
		return value == null ? null : value.strip();
	}

	/** Nothing a directory sends is trusted to be free of control characters. */
	private static @Nullable String clean(@Nullable String value) {
		return value == null ? null : value.replaceAll("\\p{Cntrl}", "");
	}

	private static Actor self(User user) {
		return new Actor(user.getId(), user.getEmail());
	}

	private static ActivitySubject subject(User user) {
		return ActivitySubject.user(user.getId(), user.getEmail());
	}

}
