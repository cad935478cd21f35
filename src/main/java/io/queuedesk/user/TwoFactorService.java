package io.queuedesk.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.SignedIn;

/**
 * Two-factor authentication with an authenticator app (TOTP, RFC 6238;
 * docs/RULES.md#accounts): setting it up and turning it on with a code, turning it off
 * with the password, and checking the second factor of a sign-in (a TOTP code or a
 * recovery code). Every change is an activity entry in the same transaction. The
 * self-service pages ({@code account}) call this; the sign-in step is
 * {@link TwoFactorLoginController}, the admin reset {@link UserAdminService}.
 */
@Service
public class TwoFactorService {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorService.class);

	/** The issuer authenticator apps show next to the account name. */
	static final String ISSUER = "Queuedesk";

	private final TwoFactorStore store;

	private final TotpSecrets secrets;

	private final Set<Role> requiredRoles;

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final LoginAttemptService attempts;

	private final ActivityService activity;

	private final Clock clock;

	TwoFactorService(TwoFactorStore store, TwoFactorSettings settings, UserRepository users,
			PasswordEncoder passwordEncoder, LoginAttemptService attempts, ActivityService activity, Clock clock) {
		this.store = store;
		this.secrets = new TotpSecrets(settings.key());
		this.requiredRoles = settings.roles();
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.attempts = attempts;
		this.activity = activity;
		this.clock = clock;
	}

	/**
	 * The user's state for the page: whether 2FA is on, the recovery codes left, and
	 * whether their role requires it.
	 */
	public record Status(boolean available, boolean enabled, int recoveryCodesLeft, boolean required) {
	}

	/**
	 * A set-up in progress: the secret in Base32 (for typing it in) and the
	 * {@code otpauth://} URI the QR code carries.
	 */
	public record Enrolment(String secret, String uri) {
	}

	@SignedIn
	@Transactional(readOnly = true)
	public Status status(SignedInUser user) {
		boolean enabled = store.isEnabled(user.getId());
		return new Status(user.signsInLocally(), enabled, enabled ? store.unusedRecoveryCodes(user.getId()) : 0,
				isRequiredFor(user));
	}

	/**
	 * The secret to scan: the one of an unfinished set-up (so reloading the page shows
	 * the same QR code), else a new one. Only while 2FA is off.
	 */
	@SignedIn
	@Transactional
	public Enrolment startEnrolment(SignedInUser user) {
		if (!user.signsInLocally()) {
			throw new IllegalStateException("Two-factor authentication is for local accounts");
		}
		store.lockUser(user.getId());
		Optional<TwoFactorStore.Row> row = store.find(user.getId());
		if (row.isPresent() && row.get().enabled()) {
			throw new IllegalStateException("Two-factor authentication is on already");
		}
		byte[] secret = row.flatMap(pending -> readable(user.getId(), pending)).orElseGet(() -> {
			byte[] fresh = Totp.newSecret();
			store.savePending(user.getId(), secrets.seal(user.getId(), fresh));
			return fresh;
		});
		String base32 = Totp.base32(secret);
		return new Enrolment(base32, otpauthUri(user.getEmail(), base32));
	}

	/**
	 * Turns 2FA on when {@code code} is a current code of the set-up's secret: the ten
	 * recovery codes, to be shown once; empty (and nothing changed) when the code is
	 * wrong or there is no set-up in progress.
	 */
	@SignedIn
	@Transactional
	public Optional<List<String>> enable(SignedInUser user, String code) {
		if (!user.signsInLocally()) {
			return Optional.empty();
		}
		long id = user.getId();
		store.lockUser(id);
		Optional<TwoFactorStore.Row> row = store.find(id).filter(pending -> !pending.enabled());
		Optional<byte[]> secret = row.flatMap(pending -> readable(id, pending));
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		OptionalLong step = Totp.matchingStep(secret.get(), strip(code), now, Long.MIN_VALUE);
		if (step.isEmpty() || !store.enable(id, now, step.getAsLong())) {
			return Optional.empty();
		}
		List<String> codes = RecoveryCodes.generate();
		store.replaceRecoveryCodes(id, codes.stream().map(one -> RecoveryCodes.hash(id, one)).toList());
		activity.record(UserService.actor(user), ActivityAction.TWO_FACTOR_ENABLED, subject(id, user.getEmail()),
				RecoveryCodes.COUNT + " recovery codes issued");
		return Optional.of(codes);
	}

	/**
	 * Turns 2FA off, proven with the current password; false (nothing changed) if wrong.
	 */
	@SignedIn
	@Transactional
	public boolean disable(SignedInUser user, @Nullable String currentPassword) {
		Optional<User> account = users.findById(user.getId());
		if (account.isEmpty() || currentPassword == null
				|| !passwordEncoder.matches(currentPassword, account.get().getPasswordHash())) {
			return false;
		}
		if (store.delete(user.getId())) {
			activity.record(UserService.actor(user), ActivityAction.TWO_FACTOR_DISABLED,
					subject(user.getId(), user.getEmail()), "turned off by the user");
		}
		return true;
	}

	/**
	 * Whether the account asks for a second factor at sign-in. Without method security:
	 * the sign-in asks before anyone is signed in.
	 */
	@Transactional(readOnly = true)
	public boolean isEnabled(long userId) {
		return store.isEnabled(userId);
	}

	/**
	 * Whether the user's roles require 2FA ({@code QUEUEDESK_2FA_REQUIRED_ROLES}); never
	 * for accounts of the directory or single sign-on, whose second factor is theirs.
	 */
	public boolean isRequiredFor(SignedInUser user) {
		return user.signsInLocally() && !Collections.disjoint(requiredRoles, user.getRoles());
	}

	/** What became of a second factor typed at sign-in. */
	enum Outcome {

		/** Right: the user may be signed in. */
		SIGNED_IN,
		/** Wrong, counted toward the lock; the user may try again. */
		WRONG_CODE,
		/**
		 * The account cannot sign in now (locked, deactivated, 2FA reset meanwhile):
		 * start again at the password.
		 */
		REFUSED

	}

	record Verification(Outcome outcome, @Nullable SignedInUser user) {
	}

	/**
	 * The second step of a sign-in whose password was right: a TOTP code (within one step
	 * of now, never one used before) or an unspent recovery code. A wrong one counts
	 * toward the account lock like a wrong password (docs/RULES.md#accounts); a right one
	 * forgets the failures counted, as a successful sign-in does.
	 */
	@Transactional
	Verification verifySignIn(long userId, @Nullable String typed, @Nullable String remoteAddress) {
		Optional<User> account = users.findWithRoles(userId);
		Instant now = Instant.now(clock);
		if (account.isEmpty() || !account.get().isActive() || !account.get().isConfirmed()
				|| account.get().isLockedAt(now)) {
			return new Verification(Outcome.REFUSED, null);
		}
		User user = account.get();
		Optional<TwoFactorStore.Row> row = store.find(userId).filter(TwoFactorStore.Row::enabled);
		if (row.isEmpty()) {
			return new Verification(Outcome.REFUSED, null);
		}
		String code = typed == null ? "" : strip(typed);
		if (code.length() == Totp.DIGITS) {
			Optional<byte[]> secret = readable(userId, row.get());
			if (secret.isEmpty()) {
				// QUEUEDESK_2FA_KEY lost or changed: no code can be checked. Counted like
				// a
				// wrong code; recovery codes still work, and an admin's reset ends it.
				log.error("The TOTP secret of user {} does not decrypt with QUEUEDESK_2FA_KEY; "
						+ "an admin must reset the user's two-factor authentication", userId);
			}
			OptionalLong step = secret.isEmpty() ? OptionalLong.empty()
					: Totp.matchingStep(secret.get(), code, now, row.get().lastStep());
			if (step.isPresent() && store.useStep(userId, step.getAsLong())) {
				return signedIn(user);
			}
		}
		else if (RecoveryCodes.looksLikeOne(code)
				&& store.useRecoveryCode(userId, RecoveryCodes.hash(userId, code), now)) {
			activity.record(new Actor(user.getId(), user.getEmail()), ActivityAction.TWO_FACTOR_RECOVERY_CODE_USED,
					subject(userId, user.getEmail()), store.unusedRecoveryCodes(userId) + " left");
			return signedIn(user);
		}
		boolean locked = attempts.recordFailure(user.getEmail(), remoteAddress, "wrong two-factor code");
		return new Verification(locked ? Outcome.REFUSED : Outcome.WRONG_CODE, null);
	}

	private Verification signedIn(User user) {
		attempts.recordSuccess(user.getId());
		SignedInUser principal = new SignedInUser(user, false);
		principal.eraseCredentials();
		return new Verification(Outcome.SIGNED_IN, principal);
	}

	/**
	 * The stored secret, or empty when it no longer decrypts (the key was lost or
	 * changed); an unfinished set-up then gets a new one.
	 */
	private Optional<byte[]> readable(long userId, TwoFactorStore.Row row) {
		try {
			return Optional.of(secrets.open(userId, row.secret()));
		}
		catch (IllegalStateException ex) {
			return Optional.empty();
		}
	}

	/** Apps show codes as "123 456"; people type them so. */
	private static String strip(@Nullable String code) {
		return code == null ? "" : code.replace(" ", "").strip();
	}

	static String otpauthUri(String email, String base32Secret) {
		String label = encode(ISSUER) + ":" + encode(email);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static ActivitySubject subject(long userId, String email) {
		return ActivitySubject.user(userId, email);
	}

}
