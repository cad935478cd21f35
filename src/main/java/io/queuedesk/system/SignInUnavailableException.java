package io.queuedesk.system;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * A sign-in that could not be decided because a service it needs (the company directory)
 * did not answer: the login page says so ({@code /login?unavailable}) instead of "wrong
 * password", and the attempt does not count toward the account's lock.
 */
public class SignInUnavailableException extends AuthenticationServiceException {

	public SignInUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
