package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The character rules of {@link CleanText} (issue 12) on a single-line and a multi-line
 * field; the forms that use it are tested through their pages (ticket, comment, client,
 * user tests and {@code BadTextInputTest}).
 */
class CleanTextTest {

	record Typed(@CleanText String line, @CleanText(multiline = true) String text) {
	}

	static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void ordinaryTextOfAnyScriptPasses() {
		for (String text : new String[] { "Invoice export fails", "Zoë's café – naïve", "Ärger mit Ü", "日本語のチケット",
				"עברית ومرحبا", "👩‍💻 on call", "a\u00ADb" /* soft hyphen */, "x\u200Dy" }) {
			assertThat(problem(text, false)).as(text).isNull();
			assertThat(problem(text, true)).as(text).isNull();
		}
	}

	@Test
	void controlCharactersAreRefusedEverywhere() {
		for (String text : new String[] { "c\0omment", "bell\u0007", "\u001B[31mred", "del\u007F", "c1\u0085",
				"\u009Bx", "\u001C" }) {
			assertThat(problem(text, false)).as(text).isEqualTo("{text.control.singleLine}");
			assertThat(problem(text, true)).as(text).isEqualTo("{text.control.multiline}");
		}
	}

	@Test
	void lineBreaksAndTabsOnlyInMultiLineText() {
		for (String text : new String[] { "two\nlines", "a\ttab", "cr\r\nlf", "line\u2028separator",
				"para\u2029graph" }) {
			assertThat(problem(text, false)).as(text).isEqualTo("{text.control.singleLine}");
			assertThat(problem(text, true)).as(text).isNull();
		}
	}

	@Test
	void directionControlsAreRefusedInSingleLineTextOnly() {
		for (String text : new String[] { "invoice\u202Efdp.exe", "\u202Aembedded\u202C", "\u2066isolate\u2069",
				"\u202Bx", "\u202Dx", "\u2067x\u2069", "\u2068x\u2069" }) {
			assertThat(problem(text, false)).as(text).isEqualTo("{text.direction}");
			assertThat(problem(text, true)).as(text).isNull();
		}
	}

	@Test
	void textThatShowsNothingIsRefusedAsEmpty() {
		for (String text : new String[] { "\u200B", "\uFEFF", "\u202E\u200B\uFEFF", "\u2060\u200C", "\u3164",
				"\u115F\u1160", "\u2800", "\uFE0F", " \u00A0\u2003\u200B " }) {
			String expected = text.contains("\u202E") ? "{text.direction}" : "{text.invisible}";
			assertThat(problem(text, false)).as(text).isEqualTo(expected);
			assertThat(problem(text, true)).as(text).isEqualTo("{text.invisible}");
		}
	}

	@Test
	void blankAndNullAreLeftToNotBlank() {
		assertThat(problem(null, false)).isNull();
		assertThat(problem("", false)).isNull();
		assertThat(problem("   ", false)).isNull();
		assertThat(problem(" \n ", true)).isNull();
	}

	@Test
	void aQueryStringWithAControlCharacterAnywhereIsSpotted() {
		for (String query : new String[] { "q=%00", "q=a%07b", "page=1&q=%0A", "%00=x", "q=%C2%85", "q=%7F", "q=%00%zz",
				"q=%zz%00" }) {
			assertThat(QueryControlCharacterFilter.hasControlCharacter(query)).as(query).isTrue();
		}
		for (String query : new String[] { "q=abc", "q=a+b%20c", "q=%E2%80%8B", "q=%zz", "q=100%", "q=%",
				"status=OPEN&page=2", "q=%F0%9F%91%A9" }) {
			assertThat(QueryControlCharacterFilter.hasControlCharacter(query)).as(query).isFalse();
		}
		assertThat(QueryControlCharacterFilter.hasControlCharacter(null)).isFalse();
	}

	/** The message template of the one violation of the field, or null when it passes. */
	private static String problem(String value, boolean multiline) {
		Typed typed = multiline ? new Typed(null, value) : new Typed(value, null);
		Set<ConstraintViolation<Typed>> violations = validator.validate(typed);
		assertThat(violations).hasSizeLessThanOrEqualTo(1);
		return violations.isEmpty() ? null : violations.iterator().next().getMessageTemplate();
	}

}
