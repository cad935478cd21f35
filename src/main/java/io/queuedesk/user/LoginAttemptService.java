package io.queuedesk.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.TypedText;

/**
 * Account lockout (docs/RULES.md#accounts): {@value #MAX_FAILURES} failed sign-ins for
 * one account within {@link #WINDOW} lock it for {@link #LOCK_DURATION}. Counting is one
 * UPDATE statement, so concurrent failures cannot overwrite each other's count and give
 * an attacker extra tries.
 */
@Service
class LoginAttemptService {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final UserRepository users;

	private final ActivityService activity;

	private final Clock clock;

	LoginAttemptService(UserRepository users, ActivityService activity, Clock clock) {
		this.users = users;
		this.activity = activity;
		this.clock = clock;
	}

	/**
	 * Counts a wrong password for the account with this email (or, for a directory
	 * account, the login name it signs in with), if there is one (an unknown name has no
	 * account to lock and writes nothing), and locks the account on the fifth failure.
	 * The counters and the audit entries commit together.
	 */
	@Transactional
	public void recordFailure(String email, String remoteAddress) {
		recordFailure(email, remoteAddress, null);
	}

	/**
	 * The same for any failed step of a sign-in; {@code what} says which (a wrong
	 * two-factor code), null for a wrong password. True when this failure locked the
	 * account.
	 */
	@Transactional
	boolean recordFailure(String email, String remoteAddress, @Nullable String what) {
		if (TypedText.hasControlCharacter(email, false)) {
			return false; // no account has such an email (see AccountDetailsService)
		}
		Optional<User> account = users.findForSignIn(User.normalizeEmail(email));
		if (account.isEmpty()) {
			return false;
		}
		User user = account.get();
		Instant now = Instant.now(clock);
		users.countFailedLogin(user.getId(), now, now.minus(WINDOW));
		ActivitySubject subject = ActivitySubject.user(user.getId(), user.getEmail());
		String from = remoteAddress == null ? null : "from " + remoteAddress;
		String details = what == null ? from : from == null ? what : what + " " + from;
		activity.record(Actor.SYSTEM, ActivityAction.LOGIN_FAILED, subject, details);
		Instant lockedUntil = now.plus(LOCK_DURATION);
		if (users.lockIfTooManyFailures(user.getId(), MAX_FAILURES, lockedUntil) == 1) {
			activity.record(Actor.SYSTEM, ActivityAction.ACCOUNT_LOCKED, subject,
					MAX_FAILURES + " failed sign-ins; locked until " + lockedUntil);
			return true;
		}
		return false;
	}

	/** A successful sign-in forgets the failures counted so far. */
	@Transactional
	public void recordSuccess(Long userId) {
		users.resetFailedLogins(userId);
	}

}
