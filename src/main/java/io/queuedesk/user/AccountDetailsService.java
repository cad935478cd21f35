package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.TypedText;

/**
 * Loads accounts for form login with a local password: inactive, unconfirmed and locked
 * accounts cannot sign in, and accounts that sign in through the directory (or single
 * sign-on) have no password here, so for this service they do not exist.
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final UserRepository users;

	private final Clock clock;

	AccountDetailsService(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		// No email holds a control character (CleanText), and PostgreSQL cannot even
		// compare a NUL.
		if (username == null || TypedText.hasControlCharacter(username, false)) {
			throw new UsernameNotFoundException("No such account");
		}
		User user = users.findByEmail(User.normalizeEmail(username))
			.filter(account -> account.getSignInSource().hasLocalPassword())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return new SignedInUser(user, user.isLockedAt(Instant.now(clock)));
	}

}
