package io.queuedesk.ticket;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a page of the ticket list starts: the sort key of the row next to it, written
 * into the "next" and "previous" links ({@code after=…}, {@code before=…}) as the order's
 * tag and numbers, e.g. {@code q.12.4294967296}. Nothing in it is secret: the query still
 * applies the viewer's visibility, a forged cursor only moves where a page starts.
 */
record ListCursor(char tag, long... values) {

	@Override
	public String toString() {
		return tag + "." + Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining("."));
	}

	/**
	 * The cursor in a link, or empty for anything that is not one (ignored, with a
	 * warning).
	 */
	static Optional<ListCursor> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String[] parts = text.strip().split("\\.");
		if (parts.length < 2 || parts.length > 3 || parts[0].length() != 1) {
			throw new IllegalArgumentException("Not a list cursor: " + text);
		}
		long[] values = new long[parts.length - 1];
		for (int i = 1; i < parts.length; i++) {
			values[i - 1] = Long.parseLong(parts[i]);
		}
		return Optional.of(new ListCursor(parts[0].charAt(0), values));
	}

}
