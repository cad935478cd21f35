package io.queuedesk.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium with a fresh profile, deleted again on {@link #close()}. The
 * driver and browser paths are set explicitly, so Selenium Manager never tries to
 * download anything.
 */
final class Chrome implements AutoCloseable {

	final ChromeDriver driver;

	private final Path profile;

	private Chrome(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Chrome withJavaScript() {
		return start(true, null);
	}

	static Chrome withoutJavaScript() {
		return start(false, null);
	}

	/**
	 * A browser set to a language ({@code de}): its user interface and the
	 * Accept-Language it sends (issue 18).
	 */
	static Chrome inLanguage(String language) {
		return start(true, language);
	}

	private static Chrome start(boolean javascript, String language) {
		Path profile;
		try {
			profile = Files.createTempDirectory("queuedesk-chrome-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(ChromeAvailable.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
		Map<String, Object> prefs = new HashMap<>();
		if (!javascript) {
			prefs.put("profile.managed_default_content_settings.javascript", 2);
		}
		if (language != null) {
			options.addArguments("--lang=" + language);
			prefs.put("intl.accept_languages", language);
		}
		if (!prefs.isEmpty()) {
			options.setExperimentalOption("prefs", prefs);
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(ChromeAvailable.DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Chrome(new ChromeDriver(service, options), profile);
	}

	/**
	 * Resizes the viewport (not the window) to the width, so media queries see exactly
	 * that width.
	 */
	void width(int width) {
		viewport(width, width < 600 ? 800 : 900);
	}

	/**
	 * Resizes the viewport to width × height CSS pixels (a tall one for a whole page).
	 */
	void viewport(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	/**
	 * Emulates the operating system's colour scheme ({@code "dark"} or {@code "light"}):
	 * CSS's and matchMedia's {@code prefers-color-scheme} answer it, for this tab, across
	 * page loads, until set again.
	 */
	void prefersColorScheme(String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temp directory must not fail a test run.
		}
	}

}
