package io.queuedesk.system;

import java.util.Locale;

/**
 * What every searchable, paged list takes from the query string: the search text
 * {@code q}, the page number and size, and the cursors of "next" ({@code after}) and
 * "previous" ({@code before}), which each list reads in its own format. A JavaBean so
 * that a bad value (page=abc) fails only its own field; list filters extend it with their
 * own fields.
 */
public abstract class PagedSearch {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	/**
	 * The highest page number (from 0) any list takes; a bigger one is taken as this one,
	 * a negative one as 0. No list here is a million pages long, and a million pages of
	 * {@link #MAX_SIZE} rows still make an offset within an {@code int} (a bigger page
	 * number made a 500: "Page offset exceeds Integer.MAX_VALUE", or a negative SQL
	 * offset).
	 */
	public static final int MAX_PAGE = 1_000_000;

	private String q;

	private int page;

	private int size = DEFAULT_SIZE;

	private String after;

	private String before;

	/** The search text, lower-case and trimmed, or null. */
	public String text() {
		return q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The search text as a "contains" LIKE pattern with {@code \} as the escape
	 * character, or null.
	 */
	public String containsPattern() {
		String text = text();
		return text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public int safePage() {
		return boundedPage(page);
	}

	/** A page number from a request within 0..{@link #MAX_PAGE}. */
	public static int boundedPage(int page) {
		return Math.min(Math.max(0, page), MAX_PAGE);
	}

	public int safeSize() {
		return size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

	public int getSize() {
		return size;
	}

	public void setSize(int size) {
		this.size = size;
	}

	public String getAfter() {
		return after;
	}

	public void setAfter(String after) {
		this.after = after;
	}

	public String getBefore() {
		return before;
	}

	public void setBefore(String before) {
		this.before = before;
	}

}
