package io.queuedesk.browser;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Files for the attachment tests, written into a temporary directory of their own
 * (deleted on {@link #close()}): screenshot-like images (a window with a title bar, a
 * toolbar, text lines and a dialog), text files and a file of a given size (sparse, so a
 * file over the 10 MB limit costs no disk).
 */
final class SampleFiles implements AutoCloseable {

	private final Path dir;

	SampleFiles() {
		try {
			dir = Files.createTempDirectory("queuedesk-files-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A screenshot of a made-up application window, as PNG or JPEG after the name's
	 * extension.
	 */
	Path screenshot(String name, String title, Color accent, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(0xf4f5f7));
		g.fillRect(0, 0, width, height);
		g.setColor(accent);
		g.fillRect(0, 0, width, 44);
		g.setColor(Color.WHITE);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
		g.drawString(title, 16, 29);
		g.setColor(new Color(0xdde1e6));
		g.fillRect(0, 44, 180, height - 44);
		g.setColor(new Color(0x9aa3ad));
		for (int y = 76; y < height - 20; y += 34) {
			g.fillRoundRect(20, y, 120, 12, 6, 6);
		}
		g.setColor(new Color(0xc3c8ce));
		for (int y = 80; y < height - 30; y += 26) {
			g.fillRoundRect(210, y, (width - 260) * (3 + (y / 26) % 4) / 6, 10, 5, 5);
		}
		int dw = width / 2;
		int dh = height / 3;
		int dx = (width - dw) / 2 + 60;
		int dy = (height - dh) / 2;
		g.setColor(new Color(0, 0, 0, 60));
		g.fillRoundRect(dx + 6, dy + 6, dw, dh, 12, 12);
		g.setColor(Color.WHITE);
		g.fillRoundRect(dx, dy, dw, dh, 12, 12);
		g.setColor(accent);
		g.setStroke(new BasicStroke(3));
		g.drawRoundRect(dx, dy, dw, dh, 12, 12);
		g.setColor(new Color(0x212529));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
		g.drawString("Something went wrong", dx + 20, dy + 40);
		g.setColor(accent);
		g.fillRoundRect(dx + dw - 110, dy + dh - 50, 90, 32, 8, 8);
		g.dispose();
		Path file = dir.resolve(name);
		try {
			ImageIO.write(image, name.endsWith(".png") ? "png" : "jpeg", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	Path text(String name, List<String> lines) {
		try {
			return Files.write(dir.resolve(name), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file of exactly {@code size} bytes, all zeros. */
	Path ofSize(String name, long size) {
		Path file = dir.resolve(name);
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temp directory must not fail a test run.
		}
	}

}
