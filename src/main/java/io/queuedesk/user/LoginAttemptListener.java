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

	LoginAttemptListener(LoginAttemptService attempts) {
		this.attempts = attempts;
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
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			attempts.recordSuccess(user.getId());
		}
	}

}
