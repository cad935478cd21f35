package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Runs axe-core (the copy bundled in the jar, no CDN) on the page open in the browser,
 * against WCAG 2.x A/AA and axe's best practices.
 */
final class AxeScan {

	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	private AxeScan() {
	}

	static List<Rule> violations(WebDriver driver) {
		return new AxeBuilder().withTags(TAGS).analyze(driver).getViolations();
	}

	/**
	 * Scans the page and fails on a serious or critical violation; the findings below
	 * that go into {@code minorFindings} (a test class prints them after its run), each
	 * led by {@code where} ("admin-queue@360").
	 */
	static void assertNoBlockingViolation(WebDriver driver, String where, List<String> minorFindings) {
		List<Rule> violations = violations(driver);
		violations.stream()
			.filter(rule -> !blocking(rule))
			.forEach(rule -> minorFindings.add(where + " " + describe(List.of(rule))));
		List<Rule> blocking = violations.stream().filter(AxeScan::blocking).toList();
		assertThat(blocking)
			.withFailMessage("serious/critical axe-core violations on %s:%n%s", where, describe(blocking))
			.isEmpty();
	}

	/** The same, for a test that does not report the minor findings. */
	static void assertNoBlockingViolation(WebDriver driver, String where) {
		assertNoBlockingViolation(driver, where, new ArrayList<>());
	}

	static boolean blocking(Rule rule) {
		return "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact());
	}

	/** One line per rule: impact, id, what it asks, and where it failed. */
	static String describe(List<Rule> rules) {
		return rules.stream()
			.map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes()
						.stream()
						.map(node -> String.valueOf(node.getTarget()))
						.limit(5)
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
	}

}
