package io.queuedesk.comment.web;

import java.util.List;
import java.util.Map;

import io.queuedesk.attachment.AttachmentView;
import io.queuedesk.comment.CommentView;

/**
 * What the ticket page's comment section ({@code comments/thread :: thread}) shows, and
 * what the viewer may do there. {@code files}: each comment's files, by comment id, as
 * rows of the shared file list ({@code fragments/attachments :: list}).
 */
record CommentThread(long ticketId, List<CommentView> comments, Map<Long, List<FileRow>> files, boolean canComment,
		boolean canWriteInternal, boolean canDelete, int maxBody) {

	public List<FileRow> filesOf(long commentId) {
		return files.getOrDefault(commentId, List.of());
	}

	/**
	 * A file as the shared list shows it; within a comment it is deleted with the
	 * comment.
	 */
	record FileRow(AttachmentView file) {

		public boolean deletable() {
			return false;
		}

	}

}
