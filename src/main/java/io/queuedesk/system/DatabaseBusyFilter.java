package io.queuedesk.system;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.json.JacksonJsonView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Back-pressure: when no database connection came free in time
 * ({@code spring.datasource.hikari.connection-timeout}, a few seconds) the request answers 503
 * with {@code Retry-After} at once, instead of queueing for the pool without end or failing as a
 * 500. Pages get the friendly error page, {@code /api} gets JSON (the same fields as its other
 * errors).
 * <p>
 * Outermost but for the metrics filter, so it also catches a failed session lookup, which
 * happens before Spring MVC. It renders the answer itself rather than through the servlet error
 * page: that would look up the session again and wait for the exhausted pool once more. Nothing
 * here touches the database: the page is rendered as for a visitor who is not signed in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseBusyFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Log log = LogFactory.getLog(DatabaseBusyFilter.class);

	private final ObjectProvider<ThymeleafViewResolver> pages;

	DatabaseBusyFilter(ObjectProvider<ThymeleafViewResolver> pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			// A committed response cannot become a 503 any more: left to the container, which logs
			// it and closes the connection, so the client cannot take a cut page for a whole one.
			// Nothing should get here: a page needs no connection once it streams out (the session
			// is saved before its first bytes leave, and read once per request:
			// SparseAccessTimeSessions), and templates load nothing lazily (open-in-view is off).
			if (!noConnectionInTime(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("No database connection free in time: 503 for " + request.getRequestURI());
			answerBusy(request, response);
		}
	}

	/** HikariCP's "Connection is not available, request timed out", however it is wrapped. */
	static boolean noConnectionInTime(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	private void answerBusy(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
		Map<String, Object> model = new HashMap<>(Map.of("timestamp", Instant.now().toString(), "status", status.value(),
				"error", status.getReasonPhrase(), "path", request.getRequestURI()));
		// The layout of a visitor, said explicitly: when the pool ran dry while a page was rendering
		// (the session saved as the page's first bytes went out), that page's variables are still
		// request attributes (Thymeleaf keeps them there), among them a signed-in user's navigation,
		// while the security context is gone out here: the layout then failed on the user's name
		// and the 503 became a 500.
		model.put("navigation", new LayoutModel.Navigation(false, false));
		try {
			view(request).render(model, request, response);
		}
		catch (Exception ex) {
			throw new ServletException("Could not render the 503 page", ex);
		}
	}

	private View view(HttpServletRequest request) throws Exception {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return new JacksonJsonView();
		}
		View page = pages.getObject().resolveViewName("error", request.getLocale());
		if (page == null) {
			throw new IllegalStateException("No error template");
		}
		return page;
	}

}
