package io.queuedesk.attachment;

/**
 * Where new files go: the ticket, and the comment they come with (null for files added to
 * the ticket itself). {@code internal} when the comment is an internal note: its files
 * are then as hidden as the note. The title names the ticket in the activity entries.
 */
public record AttachmentTarget(long ticketId, String ticketTitle, Long commentId, boolean internal) {

	public static AttachmentTarget ticket(long ticketId, String ticketTitle) {
		return new AttachmentTarget(ticketId, ticketTitle, null, false);
	}

}
