package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No template holds text a person reads (issue 18): every text comes from the messages
 * files, so every language has all of it. A text node or a user-facing attribute
 * ({@code title}, {@code placeholder}, {@code aria-label}, {@code alt}, a button's
 * {@code value} of an input button …) with a letter in it fails the test, unless
 * Thymeleaf replaces it when rendering: its element has {@code th:text},
 * {@code th:utext}, {@code th:replace}, {@code th:insert} or {@code th:errors} (or sits
 * inside one), or a {@code th:} version of the attribute. A plain-text mail template may
 * only have letters inside {@code [(…)]} and {@code [# …]}. {@link #ALLOWED} lists the
 * few exceptions, each with its reason.
 */
class TemplateTextTest {

	/** Literal texts allowed anyway, with why. */
	private static final Map<String, String> ALLOWED = Map.of("Queuedesk",
			"the product's name, the same in every language (only where no message can be used)");

	/** Attributes a person reads or hears. */
	private static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "label",
			"aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext");

	/** Attributes whose element replaces its content when rendered. */
	private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:errors");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** What Thymeleaf's text mode renders: inlined expressions and its tags. */
	private static final Pattern TEXT_MODE_EXPRESSIONS = Pattern.compile("\\[\\(.*?\\)]|\\[\\[.*?]]|\\[#.*?]|\\[/]");

	@Test
	void htmlTemplatesHaveNoLiteralText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Resource template : templates("html")) {
			String name = name(template);
			literalTexts(read(template)).forEach(text -> found.add(name + ": " + text));
		}
		assertThat(found).as("literal text in templates: move it to messages.properties").isEmpty();
	}

	@Test
	void textMailTemplatesHaveNoLiteralText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Resource template : templates("txt")) {
			for (String line : read(template).split("\n")) {
				String rest = TEXT_MODE_EXPRESSIONS.matcher(line).replaceAll("");
				if (LETTER.matcher(rest).find()) {
					found.add(name(template) + ": " + line.strip());
				}
			}
		}
		assertThat(found).as("literal text in text templates").isEmpty();
	}

	/** The check can fail: literal texts and attributes are found, replaced ones not. */
	@Test
	void findsLiteralText() {
		String html = """
				<html lang="en" th:replace="~{fragments/layout :: layout(~{::title}, ~{::content})}">
				<body>
				<p>Literal text</p>
				<p th:text="#{a}">Replaced</p>
				<div th:replace="~{x :: y}"><span>Inside a replaced element</span></div>
				<input placeholder="Type here"> <input placeholder="x" th:placeholder="#{b}">
				<a href="/" title="A title" aria-label="Label" th:attr="aria-label=#{c}">—</a>
				<img src="a.png" alt="">
				<input type="submit" value="Go"> <button type="submit" name="move" value="top" th:text="#{e}">Top</button>
				<!-- a comment --><p>[[#{d}]]</p><p>Queuedesk</p>
				</body></html>
				""";
		assertThat(literalTexts(html)).containsExactly("Literal text", "placeholder=\"Type here\"", "title=\"A title\"",
				"value=\"Go\"");
	}

	static List<String> literalTexts(String html) {
		Document document = Jsoup.parse(html, "", Parser.xmlParser());
		List<String> found = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (replaced(element)) {
				continue;
			}
			for (Node child : element.childNodes()) {
				if (child instanceof TextNode text && !inScriptOrStyle(element)) {
					String value = text.text().strip();
					if (literal(TEXT_MODE_EXPRESSIONS.matcher(value).replaceAll(""))) {
						found.add(value);
					}
				}
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase();
				boolean read = READ_ATTRIBUTES.contains(name) || (name.equals("value") && button(element));
				if (read && !thymeleafSets(element, name) && literal(attribute.getValue())) {
					found.add(name + "=\"" + attribute.getValue() + "\"");
				}
			}
		}
		return found;
	}

	/** Whether the element, or one around it, gets its content from Thymeleaf. */
	private static boolean replaced(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			// A page's <html th:replace="~{fragments/layout :: layout(…)}"> renders its
			// own title and content inside the layout: not a replacement of them.
			boolean pageIntoLayout = e.tagName().equals("html");
			for (String attribute : REPLACING) {
				if (e.hasAttr(attribute) && !(pageIntoLayout && !attribute.endsWith("text"))) {
					return true;
				}
			}
			if ("all".equals(e.attr("th:remove"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean thymeleafSets(Element element, String attribute) {
		if (element.hasAttr("th:" + attribute) || element.hasAttr("th:" + attribute.replace("aria-", "aria-"))) {
			return true;
		}
		String attr = element.attr("th:attr");
		return Pattern.compile("(^|,)\\s*" + Pattern.quote(attribute) + "\\s*=").matcher(attr).find();
	}

	private static boolean button(Element element) {
		// A <button>'s value is sent, never shown; an input button shows its value.
		String type = element.attr("type").toLowerCase();
		return element.tagName().equals("input") && Set.of("submit", "button", "reset").contains(type);
	}

	private static boolean inScriptOrStyle(Element element) {
		return element.tagName().equals("script") || element.tagName().equals("style");
	}

	private static boolean literal(String text) {
		String value = text.strip();
		return LETTER.matcher(value).find() && !ALLOWED.containsKey(value);
	}

	private static Resource[] templates(String extension) throws IOException {
		Resource[] found = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/**/*." + extension);
		assertThat(found).as("templates").isNotEmpty();
		return found;
	}

	private static String read(Resource template) throws IOException {
		try (InputStream in = template.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String name(Resource template) throws IOException {
		String url = template.getURL().toString();
		return url.substring(url.lastIndexOf("templates/"));
	}

}
