package io.queuedesk.attachment;

import java.util.Set;

/**
 * What serving or deleting a file needs to know about it: whose ticket and comment it
 * belongs to (for the visibility check of its owner), and how to send it.
 */
public record StoredFile(long id, long ticketId, Long commentId, boolean internal, Long uploaderId, String name,
		String contentType, long size, String sha256) {

	/**
	 * Types a browser would run or render as a page of our origin. They are sent as plain
	 * bytes, whatever Tika found.
	 */
	private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
			"application/xml", "text/javascript", "application/javascript", "application/x-javascript");

	/**
	 * Raster images may be shown in the page as previews; everything else is a download.
	 */
	public boolean inline() {
		return ContentTypes.isRasterImage(contentType);
	}

	/** The {@code Content-Type} the download is sent with. */
	public String servedType() {
		return ACTIVE.contains(contentType) || contentType.startsWith("text/html") ? ContentTypes.UNKNOWN : contentType;
	}

}
