package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * The type of an upload comes from its bytes (Tika's magic numbers); the name only
 * refines a generic answer and never overrides the bytes.
 */
class ContentTypesTest {

	final ContentTypes types = new ContentTypes();

	@Test
	void imagesAreKnownByTheirBytesWhateverTheirName() {
		assertThat(detect(image("png"), "shot.png")).isEqualTo("image/png");
		assertThat(detect(image("png"), "shot")).isEqualTo("image/png");
		assertThat(detect(image("jpeg"), "photo.jpg")).isEqualTo("image/jpeg");
		assertThat(detect(image("jpeg"), "photo.png")).isEqualTo("image/jpeg");
		assertThat(detect(image("gif"), "anim.gif")).isEqualTo("image/gif");
		assertThat(detect(webp(), "pic.webp")).isEqualTo("image/webp");
		assertThat(detect(webp(), "pic.bin")).isEqualTo("image/webp");
	}

	@Test
	void documentsAndArchives() {
		byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(detect(pdf, "report.pdf")).isEqualTo("application/pdf");
		assertThat(detect(pdf, "report.txt")).isEqualTo("application/pdf");
		assertThat(detect(zip(), "logs.zip")).isEqualTo("application/zip");
		assertThat(detect(zip(), "logs")).isEqualTo("application/zip");
	}

	@Test
	void htmlRenamedAsAnImageStaysHtml() {
		byte[] html = "<!DOCTYPE html>\n<html><head><script>alert(1)</script></head><body>x</body></html>"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(detect(html, "shot.png")).isEqualTo("text/html");
		assertThat(detect(html, "shot.jpg")).isEqualTo("text/html");
		assertThat(ContentTypes.isRasterImage(detect(html, "shot.png"))).isFalse();
	}

	@Test
	void textIsPlainAndTheNameRefinesIt() {
		byte[] log = "2026-11-30 10:15:03 INFO  Started\n2026-11-30 10:15:04 ERROR Failed to connect\n"
			.getBytes(StandardCharsets.UTF_8);
		// Tika refines *.log to text/x-log; stored as text/plain, the type every client
		// knows.
		assertThat(detect(log, "build.log")).isEqualTo("text/plain");
		assertThat(detect(log, "build.txt")).isEqualTo("text/plain");
		assertThat(detect(log, "build")).isEqualTo("text/plain");
		byte[] csv = "name,amount\nAda,10\nBob,20\n".getBytes(StandardCharsets.UTF_8);
		assertThat(detect(csv, "data.csv")).isEqualTo("text/csv");
		assertThat(detect(csv, "data.txt")).isEqualTo("text/plain");
	}

	@Test
	void unknownBytesAreOctetStream() {
		byte[] noise = { 0, 1, 2, 3, (byte) 0xfe, (byte) 0xff, 0, 7, 9, (byte) 0x80 };
		assertThat(detect(noise, "data.bin")).isEqualTo("application/octet-stream");
		assertThat(detect(new byte[0], "empty")).isEqualTo("application/octet-stream");
	}

	@Test
	void anUnreadableUploadIsRefused() {
		InputStreamSource broken = () -> {
			throw new IOException("gone");
		};
		UploadRefusedException refused = catchThrowableOfType(UploadRefusedException.class,
				() -> types.detect(broken, "lost.png"));
		assertThat(refused.code()).isEqualTo("attachment.unreadable");
		assertThat(refused.args()).containsExactly("lost.png");
	}

	private String detect(byte[] bytes, String name) {
		return types.detect(new ByteArrayResource(bytes), name);
	}

	static byte[] image(String format) {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0xff0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A lossless WebP file's head: RIFF container, WEBP form, VP8L chunk. */
	static byte[] webp() {
		byte[] bytes = new byte[40];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
		bytes[4] = 32;
		System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
		return bytes;
	}

	static byte[] zip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("server.log"));
			zip.write("started\n".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	@Test
	void onlyRasterImagesAreInlineAndActiveTypesAreServedAsBytes() {
		assertThat(file("image/png").inline()).isTrue();
		assertThat(file("image/png").servedType()).isEqualTo("image/png");
		assertThat(file("image/svg+xml").inline()).isFalse();
		assertThat(file("image/svg+xml").servedType()).isEqualTo("application/octet-stream");
		assertThat(file("text/html").inline()).isFalse();
		assertThat(file("text/html").servedType()).isEqualTo("application/octet-stream");
		assertThat(file("application/xhtml+xml").servedType()).isEqualTo("application/octet-stream");
		assertThat(file("text/plain").inline()).isFalse();
		assertThat(file("text/plain").servedType()).isEqualTo("text/plain");
	}

	private static StoredFile file(String type) {
		return new StoredFile(1, 1, null, false, 1L, "f", type, 1, "0".repeat(64));
	}

}
