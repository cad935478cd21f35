package io.queuedesk.user;

/** The email (ignoring case) already belongs to an account. */
class DuplicateEmailException extends RuntimeException {

	public DuplicateEmailException(String email) {
		super("An account with email " + email + " already exists");
	}

}
