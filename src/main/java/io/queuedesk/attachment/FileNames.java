package io.queuedesk.attachment;

import java.text.Normalizer;

/**
 * File names as stored and shown: the sender's name without any path (old browsers send
 * {@code C:\Users\…\shot.png}), without control or format characters, NFC-normalised, at
 * most {@link #MAX_LENGTH} characters with the extension kept, never empty.
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
		StringBuilder out = new StringBuilder(base.length());
		Normalizer.normalize(base, Normalizer.Form.NFC).codePoints().forEach(cp -> {
			int type = Character.getType(cp);
			if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
					&& type != Character.PRIVATE_USE && type != Character.SURROGATE) {
				out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
			}
		});
		String cleaned = out.toString().strip();
		if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
			return FALLBACK;
		}
		return shorten(cleaned);
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
		return name.substring(0, end) + extension;
	}

}
