package io.queuedesk.browser;

/**
 * The demo accounts (docs/RULES.md#demo-data-and-commands) the browser tests sign in as;
 * ANONYMOUS stays signed out.
 */
enum DemoUser {

	ANONYMOUS(null, null, null), ADMIN("admin@example.com", "adminP@55word", "Ada Admin"),
	DEVELOPER("developer1@example.com", "P@55word", "Dev One"),
	SUBMITTER("user@example.com", "P@55word", "Sam Submitter");

	final String email;

	final String password;

	final String displayName;

	DemoUser(String email, String password, String displayName) {
		this.email = email;
		this.password = password;
		this.displayName = displayName;
	}

}
