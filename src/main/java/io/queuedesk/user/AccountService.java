package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
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
import io.queuedesk.system.SignedIn;

/**
 * The account flows a user runs on their own (SPEC §4): self-registration with email
 * confirmation, forgotten password, choosing the first password of an admin-created account and
 * changing the password. Answers never tell whether an email has an account; the mails do.
 */
@Service
public class AccountService {

	/** Tokens that set a password: a new password makes every other one useless. */
	private static final Set<TokenPurpose> PASSWORD_TOKENS = EnumSet.of(TokenPurpose.RESET_PASSWORD,
			TokenPurpose.SET_PASSWORD);

	private final UserRepository users;

	private final AccountTokens tokens;

	private final AccountLinks links;

	private final PasswordEncoder passwordEncoder;

	private final ActivityService activity;

	private final UserSessions sessions;

	private final Clock clock;

	AccountService(UserRepository users, AccountTokens tokens, AccountLinks links, PasswordEncoder passwordEncoder,
			ActivityService activity, UserSessions sessions, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.links = links;
		this.passwordEncoder = passwordEncoder;
		this.activity = activity;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** What a live password link is about: whose password, and whether it is their first one. */
	record PasswordLink(String email, boolean firstPassword) {
	}

	/**
	 * Registers a submitter who must confirm the email before signing in. If the email has an
	 * account already, nothing is created and its owner gets a note instead. The password is
	 * hashed either way, so the time taken does not tell the two apart.
	 */
	@Transactional
	public void register(String email, String displayName, String password) {
		String normalized = User.normalizeEmail(email);
		String hash = passwordEncoder.encode(password);
		Optional<User> existing = users.findByEmail(normalized);
		if (existing.isPresent()) {
			if (existing.get().isActive()) {
				links.alreadyRegistered(existing.get());
			}
			return;
		}
		User user = new User(normalized, displayName, hash, Set.of(Role.SUBMITTER), Instant.now(clock));
		user.setConfirmed(false);
		users.saveAndFlush(user);
		activity.record(self(user), ActivityAction.USER_CREATED, subject(user),
				"self-registered; roles: " + user.getRoles());
		links.confirmEmail(user);
	}

	/** True for a live confirmation token (the page asks to confirm; only the POST uses it up). */
	@Transactional(readOnly = true)
	public boolean isConfirmationLive(String token) {
		return tokens.findLive(token).filter(live -> live.purpose() == TokenPurpose.CONFIRM_EMAIL).isPresent();
	}

	/** Confirms the email of the token's account; false when the token is not live. */
	@Transactional
	public boolean confirmEmail(String token) {
		Optional<Long> userId = tokens.consume(token, TokenPurpose.CONFIRM_EMAIL);
		userId.flatMap(users::findById).ifPresent(user -> user.setConfirmed(true));
		return userId.isPresent();
	}

	/** Mails a reset link to an active account with this email; does nothing (visible) otherwise. */
	@Transactional
	public void requestPasswordReset(String email) {
		users.findByEmail(User.normalizeEmail(email)).filter(User::isActive).ifPresent(links::resetPassword);
	}

	/** The live reset or set-password link of this token, if any. */
	@Transactional(readOnly = true)
	public Optional<PasswordLink> passwordLink(String token) {
		return tokens.findLive(token)
			.filter(live -> PASSWORD_TOKENS.contains(live.purpose()))
			.map(live -> new PasswordLink(live.email(), live.purpose() == TokenPurpose.SET_PASSWORD));
	}

	/**
	 * Sets the password through a reset or set-password link (the caller checked the rules). The
	 * link proved the mailbox is the owner's, so the email counts as confirmed and a login lock is
	 * lifted. Every session of the account ends: whoever held one (perhaps with a stolen password
	 * or cookie) signs in again. False when the token is not live: then nothing changed.
	 */
	@Transactional
	public boolean resetPassword(String token, String newPassword) {
		Optional<TokenPurpose> purpose = tokens.findLive(token).map(AccountTokenRepository.LiveToken::purpose)
			.filter(PASSWORD_TOKENS::contains);
		Optional<User> account = purpose.flatMap(p -> tokens.consume(token, p)).flatMap(users::findById);
		if (account.isEmpty()) {
			return false;
		}
		User user = account.get();
		user.setConfirmed(true);
		user.clearLoginLock();
		setPassword(user, newPassword, purpose.get() == TokenPurpose.SET_PASSWORD ? "first password chosen by link"
				: "reset by link");
		sessions.endAfterCommit(user.getEmail());
		return true;
	}

	/**
	 * The signed-in user changes their password; a wrong current password changes nothing. The
	 * user's other sessions end (those on other devices, or someone else's with a stolen
	 * password); {@code currentSessionId}, the session that made the change, goes on.
	 */
	@SignedIn
	@Transactional
	public void changePassword(SignedInUser signedIn, String currentPassword, String newPassword,
			@Nullable String currentSessionId) {
		User user = users.findById(signedIn.getId()).orElseThrow(WrongPasswordException::new);
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new WrongPasswordException();
		}
		setPassword(user, newPassword, "changed by the user");
		sessions.endOthersAfterCommit(user.getEmail(), currentSessionId);
	}

	private void setPassword(User user, String newPassword, String details) {
		user.setPasswordHash(passwordEncoder.encode(newPassword));
		tokens.retireAll(user.getId(), PASSWORD_TOKENS);
		activity.record(self(user), ActivityAction.PASSWORD_CHANGED, subject(user), details);
	}

	private static Actor self(User user) {
		return new Actor(user.getId(), user.getEmail());
	}

	private static ActivitySubject subject(User user) {
		return ActivitySubject.user(user.getId(), user.getEmail());
	}

}
