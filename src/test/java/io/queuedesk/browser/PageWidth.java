package io.queuedesk.browser;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * How wide the page open in the browser is against the width the test set, and, when it
 * is wider, which elements stick out: the outermost ones past that edge that no scrolling
 * region holds, so a failure names the culprit rather than only a number. With the mobile
 * emulation of {@link Chrome#width} a page wider than the device zooms out, and
 * {@code window.innerWidth} grows with it; so both the document and the viewport are
 * measured against the width set.
 */
record PageWidth(int set, int document, int viewport, List<String> culprits) {

	private static final String MEASURE = """
			const edge = arguments[0];
			const scrolls = e => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
			const out = e => e.getBoundingClientRect().right > edge + 0.5;
			const culprits = [...document.body.querySelectorAll('*')]
			  .filter(e => out(e) && !(e.parentElement && out(e.parentElement) && e.parentElement !== document.body))
			  .filter(e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			    if (scrolls(a)) return false; } return true; })
			  .slice(0, 5)
			  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			    + [...e.classList].map(c => '.' + c).join('') + ' (right edge '
			    + Math.round(e.getBoundingClientRect().right) + ' px)');
			return [document.documentElement.scrollWidth, window.innerWidth, culprits];
			""";

	/** Measures the page open in the browser, whose viewport was set to {@code width}. */
	static PageWidth of(WebDriver driver, int width) {
		List<?> measured = (List<?>) ((JavascriptExecutor) driver).executeScript(MEASURE, width);
		List<String> culprits = ((List<?>) measured.get(2)).stream().map(String::valueOf).toList();
		return new PageWidth(width, ((Number) measured.get(0)).intValue(), ((Number) measured.get(1)).intValue(),
				culprits);
	}

	/**
	 * No sideways scrolling: the document is no wider than the viewport, nor is that
	 * zoomed out.
	 */
	boolean fits() {
		return document <= viewport && viewport == set;
	}

}
