package io.queuedesk.account;

/** The current password given to change it was wrong. */
class WrongPasswordException extends RuntimeException {

	WrongPasswordException() {
		super("The current password is wrong");
	}

}
