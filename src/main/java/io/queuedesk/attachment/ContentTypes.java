package io.queuedesk.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.apache.tika.Tika;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * The content type of an upload, detected from its first bytes with Apache Tika's magic
 * numbers; the file name only refines a generic answer (a text file called
 * {@code notes.txt} and {@code build.log} are {@code text/plain}, {@code data.csv}
 * {@code text/csv}), never overrides the bytes: an HTML page renamed {@code shot.png}
 * stays {@code text/html}. What the client claims is never read.
 */
@Component
class ContentTypes {

	/** Shown inline as previews and thumbnails; every other type is only downloaded. */
	static final Set<String> RASTER_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	static final String UNKNOWN = "application/octet-stream";

	/**
	 * Tika's names for plain text that only the file name set apart ({@code *.log} is
	 * {@code text/x-log}): stored as {@code text/plain}, the type every client knows.
	 */
	private static final Set<String> PLAIN_TEXT = Set.of("text/x-log");

	private final Tika tika = new Tika();

	String detect(InputStreamSource content, String fileName) {
		try (InputStream in = new BufferedInputStream(content.getInputStream())) {
			String type = tika.detect(in, fileName);
			if (type == null || type.length() > 100) {
				return UNKNOWN;
			}
			return PLAIN_TEXT.contains(type) ? "text/plain" : type;
		}
		catch (IOException ex) {
			throw new UploadRefusedException("attachment.unreadable", fileName);
		}
	}

	static boolean isRasterImage(String contentType) {
		return RASTER_IMAGES.contains(contentType);
	}

}
