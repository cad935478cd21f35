package io.queuedesk.attachment;

import java.text.Normalizer;

/**
 * File names as stored and shown: the sender's name without any path (old browsers send
 * {@code C:\Users\…\shot.png}), without control or format characters (but for the
 * zero-width joiner and non-joiner inside a word), NFC-normalised, at most
 * {@link #MAX_LENGTH} characters with the extension kept, never empty.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private static final String FALLBACK = "file";

	private FileNames() {
	}

	static String clean(String name) {
		if (name == null) {
			return FALLBACK;
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		int[] codePoints = Normalizer.normalize(base, Normalizer.Form.NFC).codePoints().toArray();
		StringBuilder out = new StringBuilder(base.length());
		for (int i = 0; i < codePoints.length; i++) {
			int cp = codePoints[i];
			if (isJoiner(cp)) {
				// Part of the word it stands in (emoji sequences, Persian and Indic
				// spellings), so kept between two visible characters only.
				if (i + 1 < codePoints.length && isVisible(codePoints[i + 1]) && !out.isEmpty()
						&& isVisible(out.codePointBefore(out.length()))) {
					out.appendCodePoint(cp);
				}
			}
			else if (isKept(cp)) {
				out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
			}
		}
		String cleaned = out.toString().strip();
		if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
			return FALLBACK;
		}
		return shorten(cleaned);
	}

	/** Zero-width joiner and non-joiner: format characters that belong to the text. */
	private static boolean isJoiner(int cp) {
		return cp == 0x200C || cp == 0x200D;
	}

	private static boolean isKept(int cp) {
		int type = Character.getType(cp);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE && type != Character.SURROGATE;
	}

	private static boolean isVisible(int cp) {
		return isKept(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp);
	}

	/**
	 * Cuts the stem, not the extension, and never between the halves of a surrogate pair.
	 */
	private static String shorten(String name) {
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		int end = MAX_LENGTH - extension.length();
		if (Character.isHighSurrogate(name.charAt(end - 1))) {
			end--;
		}
		while (isJoiner(name.charAt(end - 1))) {
			// A joiner with nothing left to join.
			end--;
		}
		return name.substring(0, end) + extension;
	}

}
