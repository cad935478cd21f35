package io.queuedesk.attachment;

import java.time.Instant;

/**
 * A file as the ticket page and the JSON API list it. {@code uploaderName} is null when
 * the uploader no longer exists; {@code commentId} null for a file added to the ticket
 * itself.
 */
public record AttachmentView(long id, Long commentId, boolean internal, String name, long size, String contentType,
		boolean hasThumbnail, Long uploaderId, String uploaderName, Instant createdAt) {

	public String sizeText() {
		return FileSizes.text(size);
	}

	/** A raster image, which the browser may show inline (SVG never is). */
	public boolean image() {
		return ContentTypes.isRasterImage(contentType);
	}

}
