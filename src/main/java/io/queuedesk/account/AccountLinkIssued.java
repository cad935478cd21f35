package io.queuedesk.account;

/**
 * An account mail is due (docs/RULES.md#email), published inside the transaction of the
 * change: the mail feature renders it and writes it to the outbox in that transaction, so
 * a rolled-back change mails nothing — and this feature never depends on mail.
 * {@code path} is relative to the app's base URL and carries the raw single-use token; it
 * must never be logged. It is null for an {@link Kind#ALREADY_REGISTERED} note about a
 * confirmed account. The mail is written in {@code language} (null: English).
 */
public record AccountLinkIssued(String email, String displayName, Kind kind, String path, String language) {

	public enum Kind {

		/** Confirm a self-registration (link valid 24 h). */
		CONFIRM_EMAIL,
		/**
		 * Someone registered with an email that has an account; with a fresh confirm link
		 * if unconfirmed.
		 */
		ALREADY_REGISTERED,
		/** Reset a forgotten password (link valid 1 h). */
		RESET_PASSWORD,
		/** An admin created the account: choose a first password (link valid 72 h). */
		SET_PASSWORD

	}

	@Override
	public String toString() {
		return "AccountLinkIssued[" + email + ", " + kind + "]"; // never the path: it
																	// holds the token
	}

}
