package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.Languages;

/**
 * What the self-service account flows (module {@code account}) change on a user, and
 * nothing more: a self-registered submitter, a confirmed email, a new password. The
 * user's state, its audit entries and its sessions stay here; {@code account} keeps the
 * tokens, the links and the pages, and calls this in its own transaction. Without method
 * security: a visitor holding a link has no session yet.
 */
@Service
public class UserAccounts {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ActivityService activity;

	private final UserSessions sessions;

	private final Clock clock;

	UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, ActivityService activity, UserSessions sessions,
			Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.activity = activity;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * A self-registration: the new account, or the one that had the email already
	 * ({@code created} false).
	 */
	public record Registration(User user, boolean created) {
	}

	/**
	 * Creates a submitter who must confirm the email before signing in, unless the email
	 * has an account already: then nothing is created and that account is answered. The
	 * password is hashed either way, so the time taken does not tell the two apart.
	 */
	@Transactional
	public Registration registerSubmitter(String email, String displayName, String password) {
		String normalized = User.normalizeEmail(email);
		String hash = passwordEncoder.encode(password);
		Optional<User> existing = users.findByEmail(normalized);
		if (existing.isPresent()) {
			return new Registration(existing.get(), false);
		}
		User user = new User(normalized, displayName, hash, Set.of(Role.SUBMITTER), Instant.now(clock));
		user.setConfirmed(false);
		users.saveAndFlush(user);
		activity.record(self(user), ActivityAction.USER_CREATED, subject(user),
				"self-registered; roles: " + user.getRoles());
		return new Registration(user, true);
	}

	/** The owner followed the confirmation link: the account may sign in (if active). */
	@Transactional
	public void confirmEmail(long userId) {
		users.findById(userId).ifPresent(user -> user.setConfirmed(true));
	}

	/**
	 * Sets the password through a link mailed to the owner. The link proved the mailbox
	 * is the owner's, so the email counts as confirmed and a login lock is lifted. Every
	 * session of the account ends after the commit: whoever held one (perhaps with a
	 * stolen password or cookie) signs in again. Empty when the user is gone.
	 */
	@Transactional
	public Optional<User> setPasswordByLink(long userId, String newPassword, boolean firstPassword) {
		// A directory account has no password here: an older link is dead.
		Optional<User> account = users.findById(userId).filter(user -> user.getSignInSource().hasLocalPassword());
		account.ifPresent(user -> {
			user.setConfirmed(true);
			user.clearLoginLock();
			setPassword(user, newPassword, firstPassword ? "first password chosen by link" : "reset by link");
			sessions.endAfterCommit(user.getEmail());
		});
		return account;
	}

	/**
	 * The user changes their own password, proving it with the current one; false (and
	 * nothing changed) when that is wrong. The user's other sessions end after the
	 * commit; {@code keepSessionId}, the session that made the change, goes on.
	 */
	@Transactional
	public boolean changePassword(long userId, @Nullable String currentPassword, String newPassword,
			@Nullable String keepSessionId) {
		Optional<User> account = users.findById(userId).filter(user -> user.getSignInSource().hasLocalPassword());
		if (account.isEmpty() || currentPassword == null
				|| !passwordEncoder.matches(currentPassword, account.get().getPasswordHash())) {
			return false;
		}
		User user = account.get();
		setPassword(user, newPassword, "changed by the user");
		sessions.endOthersAfterCommit(user.getEmail(), keepSessionId);
		return true;
	}

	/**
	 * Whether the user has a password kept here (docs/RULES.md#accounts): accounts that
	 * sign in through the directory change it there.
	 */
	@Transactional(readOnly = true)
	public boolean hasLocalPassword(long userId) {
		return users.findById(userId).map(user -> user.getSignInSource().hasLocalPassword()).orElse(false);
	}

	/**
	 * The user's language (issue 18): a tag the app offers, or null to follow the
	 * browser. Read at sign-in into the session, and for the mails the user gets.
	 */
	@Transactional
	public void setLanguage(long userId, @Nullable String language) {
		if (language != null && !Languages.supported(language)) {
			throw new IllegalArgumentException("Not a language the app offers: " + language);
		}
		users.findById(userId).ifPresent(user -> user.setLanguage(language));
	}

	private void setPassword(User user, String newPassword, String details) {
		user.setPasswordHash(passwordEncoder.encode(newPassword));
		activity.record(self(user), ActivityAction.PASSWORD_CHANGED, subject(user), details);
	}

	private static Actor self(User user) {
		return new Actor(user.getId(), user.getEmail());
	}

	private static ActivitySubject subject(User user) {
		return ActivitySubject.user(user.getId(), user.getEmail());
	}

}
