package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every language has every text (issue 18): a key of messages.properties missing from
 * messages_de.properties would show English in the middle of a German page, a key only in
 * the German file is a leftover. A translation must take the same arguments ({@code {0}},
 * {@code {1}} …) as the English text, and a text with arguments (parsed by
 * {@link java.text.MessageFormat}) must double its apostrophes, else the rest of it
 * vanishes.
 */
class MessagesCompletenessTest {

	/** The languages besides English, each with its {@code messages_xx.properties}. */
	private static final Set<String> TRANSLATIONS = Set.of("de");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

	/** A single apostrophe: MessageFormat's quote character. */
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyLanguageHasEveryKeyAndNoOther() throws IOException {
		Map<String, String> english = load("messages.properties");
		for (String language : TRANSLATIONS) {
			Map<String, String> translated = load("messages_" + language + ".properties");
			assertThat(missing(english, translated))
				.as("keys of messages.properties missing from messages_%s", language)
				.isEmpty();
			assertThat(missing(translated, english)).as("keys of messages_%s not in messages.properties", language)
				.isEmpty();
		}
	}

	@Test
	void translationsTakeTheSameArguments() throws IOException {
		Map<String, String> english = load("messages.properties");
		for (String language : TRANSLATIONS) {
			Map<String, String> translated = load("messages_" + language + ".properties");
			Map<String, String> mismatched = new TreeMap<>();
			english.forEach((key, text) -> {
				String translation = translated.get(key);
				if (translation != null && !arguments(text).equals(arguments(translation))) {
					mismatched.put(key, arguments(text) + " ≠ " + arguments(translation));
				}
			});
			assertThat(mismatched).as("arguments differ in messages_%s", language).isEmpty();
		}
	}

	@Test
	void textsWithArgumentsDoubleTheirApostrophes() throws IOException {
		Map<String, String> lone = new TreeMap<>();
		for (String file : files()) {
			load(file).forEach((key, text) -> {
				if (!arguments(text).isEmpty() && LONE_APOSTROPHE.matcher(text).find()) {
					lone.put(file + ": " + key, text);
				}
			});
		}
		assertThat(lone).as("write '' for an apostrophe in a text with arguments").isEmpty();
	}

	/** The check itself can fail. */
	@Test
	void findsWhatIsMissingOrDifferent() {
		Map<String, String> english = Map.of("a", "A {0}", "b", "B");
		Map<String, String> german = Map.of("a", "A", "c", "C");
		assertThat(missing(english, german)).containsExactly("b");
		assertThat(missing(german, english)).containsExactly("c");
		assertThat(arguments(english.get("a"))).isNotEqualTo(arguments(german.get("a")));
		assertThat(arguments("{1} of {0,number,integer}")).containsExactly(0, 1);
		assertThat(LONE_APOSTROPHE.matcher("it's {0}").find()).isTrue();
		assertThat(LONE_APOSTROPHE.matcher("it''s {0}").find()).isFalse();
	}

	private static Set<String> files() {
		Set<String> files = new TreeSet<>();
		files.add("messages.properties");
		TRANSLATIONS.forEach(language -> files.add("messages_" + language + ".properties"));
		return files;
	}

	private static Set<String> missing(Map<String, String> from, Map<String, String> in) {
		Set<String> missing = new TreeSet<>(from.keySet());
		missing.removeAll(in.keySet());
		return missing;
	}

	static Set<Integer> arguments(String text) {
		Set<Integer> indexes = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			indexes.add(Integer.parseInt(matcher.group(1)));
		}
		return indexes;
	}

	/** A messages file as Spring reads it (UTF-8). */
	static Map<String, String> load(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesCompletenessTest.class.getResourceAsStream("/" + file)) {
			assertThat(in).as(file).isNotNull();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		Map<String, String> texts = new TreeMap<>();
		properties.forEach((key, value) -> texts.put((String) key, (String) value));
		return texts;
	}

}
