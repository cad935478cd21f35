package io.queuedesk.comment.web;

import java.util.List;

import io.queuedesk.comment.CommentView;

/**
 * What the ticket page's comment section ({@code comments/thread :: thread}) shows, and
 * what the viewer may do there.
 */
record CommentThread(long ticketId, List<CommentView> comments, boolean canComment, boolean canWriteInternal,
		boolean canDelete, int maxBody) {
}
