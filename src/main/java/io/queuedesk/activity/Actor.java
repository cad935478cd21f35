package io.queuedesk.activity;

/**
 * Who did something, as a snapshot: the email is kept as it was at the time, so the entry
 * still reads correctly after the user is renamed or deleted.
 */
public record Actor(Long userId, String email) {

	/** Changes made by the application itself or by an operator's command. */
	public static final Actor SYSTEM = new Actor(null, "system");

}
