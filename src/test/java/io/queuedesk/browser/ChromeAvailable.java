package io.queuedesk.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and chromedriver are installed, so
 * {@code ./mvnw verify} still passes on a machine without them. CI sets
 * {@code -Dqueuedesk.browser.required=true}: a missing browser is then an error, not a
 * reason to skip (like {@code DatabaseRun}).
 */
class ChromeAvailable implements ExecutionCondition {

	static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

	static final Path CHROMIUM = Path.of(System.getProperty("queuedesk.browser.binary", "/usr/bin/chromium"));

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM)) {
			return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
		}
		String missing = "no " + (Files.isExecutable(DRIVER) ? CHROMIUM : DRIVER)
				+ ". Run `bash scripts/ensure-chromium.sh` (see TESTING.md) to run them.";
		if (Boolean.getBoolean("queuedesk.browser.required")) {
			throw new IllegalStateException(
					"Browser tests required (-Dqueuedesk.browser.required=true) but " + missing);
		}
		String message = "Browser tests SKIPPED: " + missing;
		System.out.println("[queuedesk] " + message);
		return ConditionEvaluationResult.disabled(message);
	}

}
