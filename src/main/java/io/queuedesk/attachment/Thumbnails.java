package io.queuedesk.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Small JPEG previews of raster images, made once at upload and stored with the file, so
 * that a ticket page with twenty screenshots loads twenty small pictures, not twenty full
 * files (docs/PERFORMANCE.md, attachments). Decoding reads only every n-th pixel
 * ({@link ImageReadParam#setSourceSubsampling}), so the memory a thumbnail costs depends
 * on the thumbnail's size, not the image's; images of more than {@link #MAX_PIXELS}
 * pixels (decompression bombs among them) get no thumbnail at all.
 */
@Component
class Thumbnails {

	static final int MAX_WIDTH = 320;

	static final int MAX_HEIGHT = 240;

	static final long MAX_PIXELS = 50_000_000L;

	private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

	Thumbnails() {
		// ImageIO finds plugins (TwelveMonkeys' WebP reader) through the class loader of
		// the thread that first uses it; scan with the application's, so that the jar's
		// nested libraries are found whatever thread comes first.
		ImageIO.scanForPlugins();
	}

	Optional<byte[]> of(InputStreamSource content) {
		try (InputStream raw = content.getInputStream(); ImageInputStream in = ImageIO.createImageInputStream(raw)) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return Optional.ofNullable(thumbnail(reader));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			// A broken or hostile image is still a file: stored, just without a preview.
			log.debug("No thumbnail: {}", ex.toString());
			return Optional.empty();
		}
	}

	private static byte[] thumbnail(ImageReader reader) throws IOException {
		int width = reader.getWidth(0);
		int height = reader.getHeight(0);
		if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
			return null;
		}
		int step = Math.max(1, Math.min(width / MAX_WIDTH, height / MAX_HEIGHT));
		ImageReadParam param = reader.getDefaultReadParam();
		param.setSourceSubsampling(step, step, 0, 0);
		BufferedImage source = reader.read(0, param);
		double scale = Math.min(1.0,
				Math.min((double) MAX_WIDTH / source.getWidth(), (double) MAX_HEIGHT / source.getHeight()));
		int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		try {
			// JPEG has no transparency: transparent screenshots go onto white, not black.
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(source, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		if (!ImageIO.write(small, "jpeg", out)) {
			return null;
		}
		return out.toByteArray();
	}

}
