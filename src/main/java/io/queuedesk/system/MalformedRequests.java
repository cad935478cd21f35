package io.queuedesk.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;

/**
 * A request whose parameters cannot be read is a 400 with the app's error page, before
 * any other filter looks at it: a query or form body with bad percent-encoding
 * ({@code q=%zz}), a multipart body that cannot be parsed (no boundary), or a body that
 * is no form at all (JSON, text: no route here takes one; the JSON API only answers
 * GETs), except on {@code POST /api/inbound-mail}, which takes a raw message and checks
 * its type itself. Without this, Tomcat threw from the first filter that read a parameter
 * (logged as an error with its stack trace), and a multipart request whose CSRF token
 * came in the header reached Spring MVC, whose multipart resolver failed with a 500. Runs
 * right after the character-encoding filter, so the parameters are decoded as UTF-8. An
 * upload over the size bounds is no mistake of the client's: it goes back to its form
 * with a message ({@link UploadTooLarge}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MalformedRequests {

	private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

	@Bean
	FilterRegistrationBean<Filter> malformedRequestsFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(MalformedRequests::filter);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse page) {
			String problem = problemOf(http);
			if (TOO_LARGE.equals(problem)) {
				UploadTooLarge.answer(http, page);
				return;
			}
			if (problem != null) {
				// Debug only: the client's mistake, and the message quotes what it sent.
				log.debug("Malformed request {} {}: {}", http.getMethod(), http.getRequestURI(), problem);
				page.sendError(HttpServletResponse.SC_BAD_REQUEST);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Routes whose body is no form: {@code POST /api/inbound-mail} (mail.inbound) takes a
	 * raw message and answers 415 for another type.
	 */
	private static final Set<String> RAW_BODY_PATHS = Set.of("/api/inbound-mail");

	/** The problem of an upload over the container's bounds: answered with a redirect. */
	static final String TOO_LARGE = "an upload over the size limits";

	/** What is wrong with the request's parameters, or null when they can be read. */
	static String problemOf(HttpServletRequest request) {
		if (hasBody(request) && !isForm(request) && !takesRawBody(request)) {
			// Every page's form posts as a form; a JSON or text body would be bound as an
			// empty
			// form and answered with "fill in these fields", which tells the client
			// nothing.
			return "a body of type " + request.getContentType() + " where a form is expected";
		}
		try {
			// Parses the query string and a form body (the container keeps the result).
			request.getParameterMap();
			if (isMultipart(request)) {
				request.getParts();
			}
			return null;
		}
		catch (IllegalStateException | IOException | ServletException ex) {
			if (UploadTooLarge.isTooLarge(ex)) {
				return TOO_LARGE;
			}
			// Tomcat: InvalidParameterException (an IllegalStateException) for bad
			// encoding; a
			// multipart body it cannot parse fails getParts (also when the body exceeds
			// the limits).
			return ex.toString();
		}
	}

	/**
	 * Whether the request goes to a route that reads a body of its own kind (mail in
	 * takes a raw message, {@code message/rfc822}) and answers a wrong type itself.
	 */
	private static boolean takesRawBody(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& RAW_BODY_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return isMultipart(request) || (type != null
				&& type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE));
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

}
