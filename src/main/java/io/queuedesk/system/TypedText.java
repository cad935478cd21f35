package io.queuedesk.system;

/**
 * The character rules of {@link CleanText}, also used where typed text arrives outside a
 * form record: query parameters ({@link QueryControlCharacterFilter}) and the sign-in
 * name.
 */
public final class TypedText {

	private TypedText() {
	}

	/**
	 * Whether the text holds a control character (Unicode category Cc: U+0000–U+001F,
	 * U+007F–U+009F) or a line or paragraph separator (U+2028, U+2029). With
	 * {@code lineBreaksAllowed}, tab, line feed and carriage return (and the two
	 * separators) do not count.
	 */
	public static boolean hasControlCharacter(String text, boolean lineBreaksAllowed) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean lineBreak = c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
			if (lineBreak ? !lineBreaksAllowed : Character.getType(c) == Character.CONTROL) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the text holds an embedding, override or isolate (U+202A–U+202E,
	 * U+2066–U+2069).
	 */
	public static boolean hasDirectionControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether no character of the text shows: every one is white space, a control or
	 * format character (Cc, Cf: U+200B, U+200E, U+2060, U+FEFF, U+202E, …), or one of the
	 * other characters that Unicode marks as default-ignorable or that render as blank
	 * (combining grapheme joiner, Hangul fillers, variation selectors, braille blank).
	 * Empty text counts.
	 */
	public static boolean isInvisible(String text) {
		return text.codePoints().allMatch(TypedText::invisible);
	}

	private static boolean invisible(int cp) {
		int type = Character.getType(cp);
		return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL
				|| type == Character.FORMAT || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4
				|| cp == 0x17B5 || cp >= 0x180B && cp <= 0x180F || cp == 0x2800 || cp == 0x3164
				|| cp >= 0xFE00 && cp <= 0xFE0F || cp == 0xFFA0 || cp >= 0xE0100 && cp <= 0xE01EF;
	}

}
