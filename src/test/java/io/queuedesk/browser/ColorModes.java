package io.queuedesk.browser;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What colour mode the page open in the browser shows: Bootstrap's {@code data-bs-theme}
 * on {@code <html>}, and whether the body's computed background is in fact dark (a
 * relative luminance below 0.2: Bootstrap's dark body is about 0.02, its light one 1).
 */
record ColorModes(String theme, String mode, String background, double luminance) {

	private static final String READ = """
			const root = document.documentElement;
			const bg = getComputedStyle(document.body).backgroundColor;
			return [root.getAttribute('data-bs-theme') || '', root.getAttribute('data-color-mode') || '', bg];
			""";

	static ColorModes of(WebDriver driver) {
		List<?> read = (List<?>) ((JavascriptExecutor) driver).executeScript(READ);
		String background = String.valueOf(read.get(2));
		return new ColorModes(String.valueOf(read.get(0)), String.valueOf(read.get(1)), background,
				luminance(background));
	}

	boolean dark() {
		return luminance < 0.2;
	}

	/** WCAG's relative luminance of a computed {@code rgb(r, g, b)} colour. */
	static double luminance(String rgb) {
		String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Double.parseDouble(parts[i]) / 255;
			channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

}
