package io.queuedesk.activity;

/** What an entry is about: a ticket or a user, as a snapshot that survives deletion. */
public record ActivitySubject(Long ticketId, String ticketTitle, Long userId, String userEmail) {

	public static ActivitySubject ticket(Long id, String title) {
		return new ActivitySubject(id, title, null, null);
	}

	public static ActivitySubject user(Long id, String email) {
		return new ActivitySubject(null, null, id, email);
	}

}
