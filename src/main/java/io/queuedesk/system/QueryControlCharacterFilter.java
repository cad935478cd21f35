package io.queuedesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter (name or value) with a control character, such as {@code ?q=%00},
 * answers 400 on every route and method: the app's error page, JSON under {@code /api}
 * (issue 12). No search, filter, cursor or link token of the app can hold one, and
 * PostgreSQL cannot even compare text with NUL, so such a request is malformed rather
 * than a search that finds nothing. Form fields in a POST body are not looked at here:
 * those get a field error from {@link CleanText}.
 * <p>
 * Before the security filters, so that no session or sign-in lookup sees the parameter;
 * the query string is decoded here (UTF-8, as Tomcat does), which does not read a POST
 * body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class QueryControlCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasControlCharacter(request.getQueryString())) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean hasControlCharacter(String queryString) {
		if (queryString == null) {
			return false;
		}
		for (String pair : queryString.split("&")) {
			if (TypedText.hasControlCharacter(decode(pair), false)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Name and value as one text ('=' is no control character), %-decoded leniently: a
	 * bad escape stays as it is and bytes that are not UTF-8 become U+FFFD, so no
	 * parameter that Tomcat may still decode slips past the check.
	 */
	private static String decode(String pair) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(pair.length());
		for (int i = 0; i < pair.length(); i++) {
			char c = pair.charAt(i);
			int high = i + 2 < pair.length() ? Character.digit(pair.charAt(i + 1), 16) : -1;
			int low = i + 2 < pair.length() ? Character.digit(pair.charAt(i + 2), 16) : -1;
			if (c == '%' && high >= 0 && low >= 0) {
				bytes.write(high << 4 | low);
				i += 2;
			}
			else {
				byte[] raw = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
