package io.queuedesk.user;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds Spring Security's authentication events into the account lockout. Only wrong
 * passwords (and unknown emails, which Spring reports the same way) count; a sign-in
 * refused because the account is locked or inactive does not.
 */
@Component
class LoginAttemptListener {

	private final LoginAttemptService attempts;

	private final TwoFactorStore twoFactor;

	LoginAttemptListener(LoginAttemptService attempts, TwoFactorStore twoFactor) {
		this.attempts = attempts;
		this.twoFactor = twoFactor;
	}

	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof String email && !email.isBlank()) {
			String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
					? details.getRemoteAddress() : null;
			attempts.recordFailure(email, address);
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		// With 2FA on, the password is only half of it: the failures counted so far are
		// forgotten once the second factor is right (TwoFactorService), else a right
		// password between wrong codes would restart the count and the lock never come.
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user
				&& !twoFactor.isEnabled(user.getId())) {
			attempts.recordSuccess(user.getId());
		}
	}

}
