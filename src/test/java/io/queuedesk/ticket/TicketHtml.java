package io.queuedesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Reads rendered ticket pages the way a user does: rows in order, links, one row's cells.
 */
final class TicketHtml {

	private static final Pattern TITLE_LINK = Pattern.compile("<td><a href=\"/tickets/(\\d+)\">");

	private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\"[^>]*rel=\"next\"");

	private static final Pattern PREVIOUS = Pattern.compile("<a href=\"([^\"]+)\"[^>]*rel=\"prev\"");

	private TicketHtml() {
	}

	/** Ids of the ticket rows of a list or queue table, in display order. */
	static List<Long> ids(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = TITLE_LINK.matcher(html);
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group(1)));
		}
		return ids;
	}

	/** The table row that links to the ticket. */
	static String row(String html, long ticketId) {
		for (String row : html.split("<tr")) {
			if (row.contains("href=\"/tickets/" + ticketId + "\"")) {
				return row.substring(0, row.indexOf("</tr>"));
			}
		}
		throw new AssertionError("No row for ticket " + ticketId);
	}

	/** The "next page" link as a browser would follow it (entities decoded), or null. */
	static String nextLink(String html) {
		Matcher matcher = NEXT.matcher(html);
		return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
	}

	/** The "previous page" link, or null. */
	static String previousLink(String html) {
		Matcher matcher = PREVIOUS.matcher(html);
		return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
	}

}
