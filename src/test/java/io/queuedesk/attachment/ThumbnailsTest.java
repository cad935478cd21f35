package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/**
 * Thumbnails of raster images: a JPEG of at most 320 × 240, transparency on white, none
 * for images of more than 50 Mpx (decided from the header, before any pixel is decoded)
 * or for bytes that are no image.
 */
class ThumbnailsTest {

	final Thumbnails thumbnails = new Thumbnails();

	@Test
	void aPngMakesAJpegWithinTheBoxKeepingItsShape() throws IOException {
		BufferedImage wide = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = wide.createGraphics();
		g.setColor(Color.BLUE);
		g.fillRect(0, 0, 1000, 800);
		g.dispose();

		byte[] jpeg = thumbnails.of(new ByteArrayResource(png(wide))).orElseThrow();

		assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(small.getWidth()).isLessThanOrEqualTo(320);
		assertThat(small.getHeight()).isLessThanOrEqualTo(240);
		// 1000 × 800 into 320 × 240: the height decides, 300 × 240.
		assertThat(small.getWidth()).isEqualTo(300);
		assertThat(small.getHeight()).isEqualTo(240);
		Color centre = new Color(small.getRGB(150, 120));
		assertThat(centre.getBlue()).isGreaterThan(200);
		assertThat(centre.getRed()).isLessThan(60);

		BufferedImage tall = ImageIO.read(new ByteArrayInputStream(
				thumbnails.of(new ByteArrayResource(png(new BufferedImage(200, 2000, BufferedImage.TYPE_INT_RGB))))
					.orElseThrow()));
		assertThat(tall.getWidth()).isEqualTo(24);
		assertThat(tall.getHeight()).isEqualTo(240);
	}

	@Test
	void aSmallImageIsNotEnlarged() throws IOException {
		byte[] jpeg = thumbnails.of(new ByteArrayResource(png(new BufferedImage(50, 20, BufferedImage.TYPE_INT_RGB))))
			.orElseThrow();
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(small.getWidth()).isEqualTo(50);
		assertThat(small.getHeight()).isEqualTo(20);
	}

	@Test
	void aTransparentPngIsOnWhite() throws IOException {
		BufferedImage transparent = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);

		byte[] jpeg = thumbnails.of(new ByteArrayResource(png(transparent))).orElseThrow();

		BufferedImage small = ImageIO.read(new ByteArrayInputStream(jpeg));
		for (int[] at : new int[][] { { 0, 0 }, { small.getWidth() / 2, small.getHeight() / 2 },
				{ small.getWidth() - 1, small.getHeight() - 1 } }) {
			Color pixel = new Color(small.getRGB(at[0], at[1]));
			assertThat(pixel.getRed()).isGreaterThan(245);
			assertThat(pixel.getGreen()).isGreaterThan(245);
			assertThat(pixel.getBlue()).isGreaterThan(245);
		}
	}

	@Test
	void aPngClaimingTenGigapixelsGetsNoThumbnailAndAllocatesNothingForIt() {
		// Only the header is read: nothing of its size is allocated.
		byte[] bomb = pngHead(100_000, 100_000);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		thumbnails.of(new ByteArrayResource(pngHead(10, 10))); // warm up the reader
		long before = threads.getThreadAllocatedBytes(thread);

		Optional<byte[]> thumbnail = thumbnails.of(new ByteArrayResource(bomb));

		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(thumbnail).isEmpty();
		// Decoding would need 10^10 pixels (40 GB); reading the header takes kilobytes.
		assertThat(allocated).isLessThan(16L * 1024 * 1024);
	}

	@Test
	void theLimitIsFiftyMegapixels() throws IOException {
		// Real, decodable images (black, one bit per pixel, so the test stays small):
		// exactly 50 Mpx gets its thumbnail, decoded subsampled; one row more gets none.
		byte[] jpeg = thumbnails.of(new ByteArrayResource(blackPng(10_000, 5_000))).orElseThrow();
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(small.getWidth()).isEqualTo(320);
		assertThat(small.getHeight()).isEqualTo(160);
		assertThat(new Color(small.getRGB(160, 80)).getRed()).isLessThan(30);

		assertThat(thumbnails.of(new ByteArrayResource(blackPng(10_000, 5_001)))).isEmpty();
	}

	@Test
	void bytesThatAreNoImageGetNoThumbnail() {
		assertThat(thumbnails.of(new ByteArrayResource(new byte[0]))).isEmpty();
		assertThat(thumbnails.of(new ByteArrayResource("not an image at all".getBytes(StandardCharsets.UTF_8))))
			.isEmpty();
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		assertThat(thumbnails.of(new ByteArrayResource(garbage))).isEmpty();
		// A PNG signature followed by nonsense.
		byte[] broken = pngHead(100, 100);
		broken[broken.length - 20] ^= 0x55;
		assertThat(thumbnails.of(new ByteArrayResource(broken))).isEmpty();
	}

	static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", out)).isTrue();
		return out.toByteArray();
	}

	/** A complete black PNG of one bit per pixel (grayscale). */
	static byte[] blackPng(int width, int height) throws IOException {
		ByteBuffer ihdr = ByteBuffer.allocate(13);
		ihdr.putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		ByteArrayOutputStream pixels = new ByteArrayOutputStream();
		try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(pixels)) {
			byte[] row = new byte[1 + (width + 7) / 8];
			for (int y = 0; y < height; y++) {
				deflate.write(row);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", pixels.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/**
	 * A PNG signature and a valid IHDR chunk declaring the size (8-bit RGBA), then one
	 * tiny IDAT chunk and IEND: what a decompression bomb's header looks like.
	 */
	static byte[] pngHead(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13);
		ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
