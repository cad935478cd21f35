package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/**
 * The type of a file comes from its bytes; the name only refines a generic answer; and
 * the served type and disposition follow from it ({@link StoredFile}).
 */
class ContentTypesTest {

	private final ContentTypes types = new ContentTypes();

	@Test
	void theBytesDecideNotTheName() throws Exception {
		assertThat(detect("<!DOCTYPE html><html><body>hi</body></html>", "shot.png")).isEqualTo("text/html");
		assertThat(types.detect(new ByteArrayResource(png()), "notes.txt")).isEqualTo("image/png");
		assertThat(detect("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "logo.svg"))
			.isEqualTo("image/svg+xml");
	}

	@Test
	void theNameRefinesGenericText() {
		assertThat(detect("INFO started\nWARN slow\n", "server.log")).isEqualTo("text/plain");
		assertThat(detect("a,b\n1,2\n", "data.csv")).isEqualTo("text/csv");
		assertThat(types.detect(new ByteArrayResource(new byte[] { 0, 1, 2, 3, (byte) 0xff }), "dump.bin"))
			.isEqualTo("application/octet-stream");
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

	private String detect(String text, String name) {
		return types.detect(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)), name);
	}

	private static StoredFile file(String type) {
		return new StoredFile(1, 1, null, false, 1L, "f", type, 1, "0".repeat(64));
	}

	private static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
