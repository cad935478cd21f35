package io.queuedesk.account;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.SignedIn;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserAccounts.Registration;
import io.queuedesk.user.UserAccounts;
import io.queuedesk.user.UserService;

/**
 * The account flows a user runs on their own (docs/RULES.md#accounts): self-registration
 * with email confirmation, forgotten password, choosing the first password of an
 * admin-created account and changing the password. Answers never tell whether an email
 * has an account; the mails do.
 */
@Service
class AccountService {

	/** Tokens that set a password: a new password makes every other one useless. */
	private static final Set<TokenPurpose> PASSWORD_TOKENS = EnumSet.of(TokenPurpose.RESET_PASSWORD,
			TokenPurpose.SET_PASSWORD);

	private final UserAccounts userAccounts;

	private final UserService users;

	private final AccountTokens tokens;

	private final AccountLinks links;

	AccountService(UserAccounts userAccounts, UserService users, AccountTokens tokens, AccountLinks links) {
		this.userAccounts = userAccounts;
		this.users = users;
		this.tokens = tokens;
		this.links = links;
	}

	/**
	 * What a live password link is about: whose password, and whether it is their first
	 * one.
	 */
	record PasswordLink(String email, boolean firstPassword) {
	}

	/**
	 * Registers a submitter who must confirm the email before signing in. If the email
	 * has an account already, nothing is created and its owner gets a note instead. The
	 * password is hashed either way, so the time taken does not tell the two apart.
	 */
	@Transactional
	public void register(String email, String displayName, String password) {
		Registration registration = userAccounts.registerSubmitter(email, displayName, password);
		if (registration.created()) {
			links.confirmEmail(registration.user());
		}
		else if (registration.user().isActive()) {
			links.alreadyRegistered(registration.user());
		}
	}

	/**
	 * True for a live confirmation token (the page asks to confirm; only the POST uses it
	 * up).
	 */
	@Transactional(readOnly = true)
	public boolean isConfirmationLive(String token) {
		return tokens.findLive(token).filter(live -> live.purpose() == TokenPurpose.CONFIRM_EMAIL).isPresent();
	}

	/** Confirms the email of the token's account; false when the token is not live. */
	@Transactional
	public boolean confirmEmail(String token) {
		Optional<Long> userId = tokens.consume(token, TokenPurpose.CONFIRM_EMAIL);
		userId.ifPresent(userAccounts::confirmEmail);
		return userId.isPresent();
	}

	/**
	 * Mails a reset link to an active account with this email and a local password; does
	 * nothing (visible) otherwise: a directory account's password is changed in the
	 * directory.
	 */
	@Transactional
	public void requestPasswordReset(String email) {
		users.findByEmail(email)
			.filter(User::isActive)
			.filter(user -> user.getSignInSource().hasLocalPassword())
			.ifPresent(links::resetPassword);
	}

	/**
	 * Whether the signed-in user signs in through the directory, whose password is
	 * changed there, not here.
	 */
	@Transactional(readOnly = true)
	public boolean passwordKeptElsewhere(SignedInUser signedIn) {
		return !userAccounts.hasLocalPassword(signedIn.getId());
	}

	/** The live reset or set-password link of this token, if any. */
	@Transactional(readOnly = true)
	public Optional<PasswordLink> passwordLink(String token) {
		return tokens.findLive(token)
			.filter(live -> PASSWORD_TOKENS.contains(live.purpose()))
			.map(live -> new PasswordLink(live.email(), live.purpose() == TokenPurpose.SET_PASSWORD));
	}

	/**
	 * Sets the password through a reset or set-password link (the caller checked the
	 * rules). The link proved the mailbox is the owner's, so the email counts as
	 * confirmed and a login lock is lifted. Every session of the account ends: whoever
	 * held one (perhaps with a stolen password or cookie) signs in again. False when the
	 * token is not live: then nothing changed.
	 */
	@Transactional
	public boolean resetPassword(String token, String newPassword) {
		Optional<TokenPurpose> purpose = tokens.findLive(token)
			.map(AccountTokenRepository.LiveToken::purpose)
			.filter(PASSWORD_TOKENS::contains);
		Optional<User> account = purpose.flatMap(p -> tokens.consume(token, p))
			.flatMap(userId -> userAccounts.setPasswordByLink(userId, newPassword,
					purpose.get() == TokenPurpose.SET_PASSWORD));
		account.ifPresent(user -> tokens.retireAll(user.getId(), PASSWORD_TOKENS));
		return account.isPresent();
	}

	/**
	 * The signed-in user changes their password; a wrong current password changes
	 * nothing. The user's other sessions end (those on other devices, or someone else's
	 * with a stolen password); {@code currentSessionId}, the session that made the
	 * change, goes on.
	 */
	@SignedIn
	@Transactional
	public void changePassword(SignedInUser signedIn, String currentPassword, String newPassword,
			@Nullable String currentSessionId) {
		if (!userAccounts.changePassword(signedIn.getId(), currentPassword, newPassword, currentSessionId)) {
			throw new WrongPasswordException();
		}
		tokens.retireAll(signedIn.getId(), PASSWORD_TOKENS);
	}

}
