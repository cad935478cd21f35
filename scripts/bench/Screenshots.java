import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Writes N PNG "screenshots" of 1920×1080 into a directory for scripts/bench/attachments.sh:
 * an application window drawn with Java2D (title bar, side bar, a table of anti-aliased text,
 * a chart, an error dialog, a photo-like panel of soft noise), different in each file.
 *
 *   java scripts/bench/Screenshots.java DIR [N=20]
 */
public class Screenshots {

	public static void main(String[] args) throws Exception {
		File dir = new File(args[0]);
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		dir.mkdirs();
		for (int i = 0; i < n; i++) {
			ImageIO.write(screenshot(new Random(i)), "png", new File(dir, String.format("screenshot-%02d.png", i)));
		}
	}

	static BufferedImage screenshot(Random random) {
		int w = 1920, h = 1080;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		// Desktop and window
		g.setPaint(new GradientPaint(0, 0, new Color(40, 70, 120), w, h, new Color(120, 60, 90)));
		g.fillRect(0, 0, w, h);
		g.setColor(Color.WHITE);
		g.fillRect(40, 30, w - 80, h - 100);
		g.setColor(new Color(230, 232, 236));
		g.fillRect(40, 30, w - 80, 36);
		g.setColor(new Color(245, 246, 248));
		g.fillRect(40, 66, 260, h - 136);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
		g.setColor(new Color(60, 60, 60));
		g.drawString("Queuedesk – Ticket " + random.nextInt(10000) + " – Browser", 60, 54);
		for (int i = 0; i < 24; i++) {
			g.drawString(words(random, 2), 60, 100 + i * 30);
		}
		// Table of text
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		for (int row = 0; row < 22; row++) {
			int y = 100 + row * 26;
			if (row % 2 == 0) {
				g.setColor(new Color(248, 249, 251));
				g.fillRect(320, y - 18, 1000, 26);
			}
			g.setColor(row == 0 ? Color.BLACK : new Color(50, 50, 50));
			g.drawString("#" + (1000 + random.nextInt(9000)), 330, y);
			g.drawString(words(random, 5), 420, y);
			g.drawString(words(random, 2), 860, y);
			g.drawString(String.format("2026-%02d-%02d %02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
					random.nextInt(24), random.nextInt(60)), 1120, y);
		}
		// Chart
		g.setStroke(new BasicStroke(2f));
		g.setColor(new Color(0, 110, 200));
		int prev = 850;
		for (int x = 340; x < 1300; x += 20) {
			int next = Math.max(700, Math.min(1000, prev + random.nextInt(60) - 30));
			g.drawLine(x, prev, x + 20, next);
			prev = next;
		}
		// Photo-like panel: smooth colours with sensor noise (what makes real screenshots big)
		for (int y = 100; y < 500; y++) {
			for (int x = 1360; x < 1840; x++) {
				int r = (x * 7 + y * 3) % 256, gr = (y * 5) % 256, b = (x + y) % 256;
				int noise = random.nextInt(24) - 12;
				image.setRGB(x, y, new Color(clamp(r + noise), clamp(gr + noise), clamp(b + noise)).getRGB());
			}
		}
		// Error dialog
		g.setColor(new Color(0, 0, 0, 60));
		g.fillRoundRect(1366, 606, 480, 220, 12, 12);
		g.setColor(Color.WHITE);
		g.fillRoundRect(1360, 600, 480, 220, 12, 12);
		g.setColor(new Color(200, 40, 40));
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		g.drawString("Error " + (400 + random.nextInt(200)), 1380, 640);
		g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
		g.setColor(Color.DARK_GRAY);
		for (int i = 0; i < 7; i++) {
			g.drawString("at io.example." + words(random, 1) + ".run(" + words(random, 1) + ".java:" + random.nextInt(500)
					+ ")", 1380, 670 + i * 20);
		}
		g.dispose();
		return image;
	}

	private static final String[] WORDS = { "ticket", "queue", "login", "failed", "invoice", "export", "report",
			"customer", "timeout", "server", "upload", "status", "priority", "billing", "screen", "order", "refund",
			"password", "account", "settings" };

	private static String words(Random random, int n) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < n; i++) {
			text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
		}
		return text.toString();
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
