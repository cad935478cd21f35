package io.queuedesk.user;

/**
 * Events about accounts, published inside the transaction of the change (listeners that
 * write the mail outbox join it, so a rolled-back change mails nothing).
 */
public final class UserEvents {

	private UserEvents() {
	}

	/**
	 * An admin created an account. The account's owner gets a mail with a link to choose
	 * their own password (never the password itself).
	 */
	public record AccountCreated(long userId, String email, String displayName) {
	}

}
