package io.queuedesk.system;

import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Previous/next links for a paged list that keep every other query parameter (the
 * filters) of the current request. {@code capped}: the total is a lower bound ("more than
 * …"), so the number of pages is unknown.
 */
public record PageLinks(int number, int totalPages, long totalElements, boolean capped, String previous, String next) {

	public static PageLinks of(Page<?> page) {
		String previous = page.hasPrevious() ? linkTo(Map.of("page", page.getNumber() - 1)) : null;
		String next = page.hasNext() ? linkTo(Map.of("page", page.getNumber() + 1)) : null;
		return new PageLinks(page.getNumber() + 1, Math.max(1, page.getTotalPages()), page.getTotalElements(), false,
				previous, next);
	}

	/**
	 * Links of a list paged by cursor: "next" starts after the page's last row,
	 * "previous" ends before its first (the first page itself needs no cursor). The page
	 * number travels along for display only.
	 * @param number the page shown, from 0
	 * @param total matches, or the cap when {@code capped}
	 */
	public static PageLinks ofCursor(int number, int size, long total, boolean capped, Object previousCursor,
			Object nextCursor) {
		String previous = previousCursor == null ? null
				: number <= 1 ? linkTo(Map.of()) : linkTo(Map.of("before", previousCursor, "page", number - 1));
		String next = nextCursor == null ? null : linkTo(Map.of("after", nextCursor, "page", number + 1));
		int pages = (int) Math.max(1, (total + size - 1) / size);
		return new PageLinks(number + 1, capped ? Math.max(pages, number + 2) : Math.max(pages, number + 1), total,
				capped, previous, next);
	}

	/**
	 * Links of one of several lists on a page, each paged by cursor with parameters of
	 * its own: {@code <prefix>Page}, {@code <prefix>After}, {@code <prefix>Before} (the
	 * other lists' parameters stay in the links). See
	 * {@link #ofCursor(int, int, long, boolean, Object, Object)}.
	 */
	public static PageLinks ofCursor(String prefix, int number, int size, long total, boolean capped,
			Object previousCursor, Object nextCursor) {
		String page = prefix + "Page";
		String after = prefix + "After";
		String before = prefix + "Before";
		String previous = previousCursor == null ? null : number <= 1 ? linkTo(Map.of(), page, after, before)
				: linkTo(Map.of(before, previousCursor, page, number - 1), page, after, before);
		String next = nextCursor == null ? null
				: linkTo(Map.of(after, nextCursor, page, number + 1), page, after, before);
		int pages = (int) Math.max(1, (total + size - 1) / size);
		return new PageLinks(number + 1, capped ? Math.max(pages, number + 2) : Math.max(pages, number + 1), total,
				capped, previous, next);
	}

	/**
	 * A relative link: the current path and query, paging parameters replaced by
	 * {@code paging}.
	 */
	private static String linkTo(Map<String, Object> paging) {
		return linkTo(paging, "page", "after", "before");
	}

	private static String linkTo(Map<String, Object> paging, String... pagingParameters) {
		UriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
		for (String name : pagingParameters) {
			builder.replaceQueryParam(name);
		}
		paging.forEach(builder::replaceQueryParam);
		UriComponents uri = builder.build();
		return uri.getQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getQuery();
	}

}
