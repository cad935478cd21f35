package io.queuedesk.system;

import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Previous/next links for a paged list that keep every other query parameter (the filters) of
 * the current request.
 */
public record PageLinks(int number, int totalPages, long totalElements, String previous, String next) {

	public static PageLinks of(Page<?> page) {
		String previous = page.hasPrevious() ? linkTo(page.getNumber() - 1) : null;
		String next = page.hasNext() ? linkTo(page.getNumber() + 1) : null;
		return new PageLinks(page.getNumber() + 1, Math.max(1, page.getTotalPages()), page.getTotalElements(), previous,
				next);
	}

	/** A relative link: the current path and query with only the page number replaced. */
	private static String linkTo(int page) {
		UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
		return uri.getPath() + "?" + uri.getQuery();
	}

}
