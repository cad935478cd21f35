package io.queuedesk.mail.inbound;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text sent as {@code format=flowed} (RFC 3676; Thunderbird and Apple Mail send it)
 * joined back into its paragraphs. Such text is wrapped at about 72 characters for the
 * wire, and each line that continues on the next ends with a space (a "soft" line break);
 * without this the ticket would keep those breaks in the middle of sentences.
 *
 * <p>
 * Rules: a line's quote depth is its count of leading {@code >}; one space after them (or
 * at the start of an unquoted line) is "space-stuffing" and removed; a line ending in a
 * space, except the signature separator {@code "-- "}, joins the next line of the same
 * depth; with {@code DelSp=yes} that trailing space is removed when joining. Quoted lines
 * come out as {@code "> "} per level, as {@link ReplyText} expects.
 */
final class FlowedText {

	private static final String SIGNATURE_SEPARATOR = "-- ";

	private FlowedText() {
	}

	static String unflow(String text, boolean delSp) {
		List<String> out = new ArrayList<>();
		StringBuilder paragraph = null;
		int paragraphDepth = 0;
		for (String raw : text.split("\r\n|\n|\r", -1)) {
			int depth = 0;
			while (depth < raw.length() && raw.charAt(depth) == '>') {
				depth++;
			}
			String line = raw.substring(depth);
			if (line.startsWith(" ")) {
				line = line.substring(1);
			}
			if (paragraph != null && depth != paragraphDepth) {
				out.add(quoted(paragraphDepth, paragraph));
				paragraph = null;
			}
			if (paragraph == null) {
				paragraph = new StringBuilder();
				paragraphDepth = depth;
			}
			boolean soft = line.endsWith(" ") && !line.equals(SIGNATURE_SEPARATOR);
			paragraph.append(soft && delSp ? line.substring(0, line.length() - 1) : line);
			if (!soft) {
				out.add(quoted(depth, paragraph));
				paragraph = null;
			}
		}
		if (paragraph != null) {
			out.add(quoted(paragraphDepth, paragraph));
		}
		return String.join("\n", out);
	}

	private static String quoted(int depth, CharSequence line) {
		return depth == 0 ? line.toString() : ">".repeat(depth) + " " + line;
	}

}
