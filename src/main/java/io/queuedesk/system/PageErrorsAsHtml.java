package io.queuedesk.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The error page of a page (not under /api) is HTML when the client did not say what it
 * accepts or when the page had already begun as HTML. Boot's error controller answers
 * JSON to a request without an Accept header (wrk, some probes and scripts); when the
 * failed page had already set {@code text/html} on the response (it failed while
 * rendering), that JSON cannot be written ("No converter for LinkedHashMap with preset
 * Content-Type 'text/html'"): a second failure, a WARN in the log and an empty 500. So on
 * the error dispatch of such a request the error controller is told that HTML is
 * accepted, and answers with the friendly error page. The same for a client that accepts
 * anything ({@code Accept: *}{@code /*}, curl's default). Clients that ask for JSON still
 * get JSON, and /api always does (ApiErrorViewResolver).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageErrorsAsHtml {

	@Bean
	FilterRegistrationBean<Filter> pageErrorsAsHtmlFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(PageErrorsAsHtml::filter);
		registration.setDispatcherTypes(DispatcherType.ERROR);
		return registration;
	}

	static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && htmlWanted(http, response.getContentType())) {
			chain.doFilter(new AcceptingHtml(http), response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	static boolean htmlWanted(HttpServletRequest request, @Nullable String contentType) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		boolean pageBegun = contentType != null && contentType.startsWith(MediaType.TEXT_HTML_VALUE);
		return pageBegun || acceptsAnything(request.getHeader(HttpHeaders.ACCEPT));
	}

	/**
	 * No Accept header, or one that names no type ({@code *}{@code /*}, as curl sends):
	 * such a client did not ask for JSON, and a page's error is HTML. An Accept header
	 * that cannot be parsed counts as none.
	 */
	static boolean acceptsAnything(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().allMatch(MediaType::isWildcardType);
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
	}

	/** The request as if it said {@code Accept: text/html}. */
	private static final class AcceptingHtml extends HttpServletRequestWrapper {

		AcceptingHtml(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.TEXT_HTML_VALUE : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
					? Collections.enumeration(List.of(MediaType.TEXT_HTML_VALUE)) : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			if (names.stream().noneMatch(HttpHeaders.ACCEPT::equalsIgnoreCase)) {
				names.add(HttpHeaders.ACCEPT);
			}
			return Collections.enumeration(names);
		}

	}

}
