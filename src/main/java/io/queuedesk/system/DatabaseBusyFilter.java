package io.queuedesk.system;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
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
 * A request that failed on the database answers 503 with {@code Retry-After} within
 * seconds instead of hanging or failing as a 500: when no pooled connection came free in
 * time ({@code spring.datasource.hikari.connection-timeout}) or a statement hit the
 * statement timeout (the database is busy), and when the database cannot be reached at
 * all (connection refused or broken, a socket timeout, the embedded H2 closed after a
 * failed write: see DatabaseFailure), which also turns readiness DOWN
 * (DatabaseAvailability). Pages get the friendly error page ("busy" or "temporarily
 * unavailable"), {@code /api} gets JSON (the same fields as its other errors).
 * <p>
 * Outermost but for the metrics filter, so it also catches a failed session lookup, which
 * happens before Spring MVC, and it also wraps the error dispatch, whose session lookup
 * needs the database too (before, that second failure ended in Tomcat's bare 500 page).
 * It renders the answer itself rather than through the servlet error page: that would
 * look up the session again and wait for the pool once more. Nothing here touches the
 * database: the page is rendered as for a visitor who is not signed in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseBusyFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Log log = LogFactory.getLog(DatabaseBusyFilter.class);

	private final ObjectProvider<ThymeleafViewResolver> pages;

	private final ObjectProvider<DatabaseAvailability> availability;

	DatabaseBusyFilter(ObjectProvider<ThymeleafViewResolver> pages, ObjectProvider<DatabaseAvailability> availability) {
		this.pages = pages;
		this.availability = availability;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			DatabaseFailure failure = DatabaseFailure.of(ex);
			if (failure == DatabaseFailure.UNREACHABLE) {
				availability.ifAvailable(database -> database.unreachable(ex));
			}
			// A committed response cannot become a 503 any more: left to the container,
			// which logs
			// it and closes the connection, so the client cannot take a cut page for a
			// whole one.
			// Nothing should get here: a page needs no connection once it streams out
			// (the session
			// is saved before its first bytes leave, and read once per request:
			// SparseAccessTimeSessions), and templates load nothing lazily (open-in-view
			// is off).
			if (failure == DatabaseFailure.NONE || response.isCommitted()) {
				throw ex;
			}
			if (failure == DatabaseFailure.BUSY) {
				log.warn("No database connection free in time: 503 for " + request.getRequestURI());
			}
			else if (log.isDebugEnabled()) {
				// Logged once when it starts (DatabaseAvailability), not for every
				// request turned away.
				log.debug("Database unreachable: 503 for " + request.getRequestURI());
			}
			answerUnavailable(request, response, failure);
		}
	}

	/**
	 * Whether the failure is the database's (busy or unreachable: DatabaseFailure),
	 * however wrapped.
	 */
	static boolean noConnectionInTime(Throwable failure) {
		return DatabaseFailure.of(failure) != DatabaseFailure.NONE;
	}

	private void answerUnavailable(HttpServletRequest request, HttpServletResponse response, DatabaseFailure failure)
			throws ServletException, IOException {
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
		Map<String, Object> model = new HashMap<>(Map.of("timestamp", Instant.now().toString(), "status",
				status.value(), "error", status.getReasonPhrase(), "path", originalPath(request)));
		// The layout of a visitor, said explicitly: when the pool ran dry while a page
		// was rendering
		// (the session saved as the page's first bytes went out), that page's variables
		// are still
		// request attributes (Thymeleaf keeps them there), among them a signed-in user's
		// navigation,
		// while the security context is gone out here: the layout then failed on the
		// user's name
		// and the 503 became a 500.
		model.put("navigation", LayoutModel.Navigation.visitor());
		try {
			view(request, failure).render(model, request, response);
		}
		catch (Exception ex) {
			throw new ServletException("Could not render the 503 page", ex);
		}
	}

	private View view(HttpServletRequest request, DatabaseFailure failure) throws Exception {
		if (originalPath(request).startsWith(request.getContextPath() + "/api/")) {
			return new JacksonJsonView();
		}
		String template = (failure == DatabaseFailure.UNREACHABLE) ? "unavailable" : "error";
		View page = pages.getObject().resolveViewName(template, request.getLocale());
		if (page == null) {
			throw new IllegalStateException("No template " + template);
		}
		return page;
	}

	/**
	 * The path the client asked for, also on the error dispatch (whose own path is
	 * /error).
	 */
	private static String originalPath(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (original instanceof String path) ? path : request.getRequestURI();
	}

}
