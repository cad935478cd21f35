package io.queuedesk.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page layout needs to know about the visitor, for every page: whether someone
 * is signed in and whether they are an admin (the menu). Asked of the request, which
 * Spring Security answers from the signed-in user: far cheaper than the layout's
 * {@code sec:authorize} expressions were (each built a SpEL evaluation context), and the
 * layout is on every page. A page rendered without a controller (the 503 page) has no
 * model attribute: it shows the layout of a visitor.
 */
@ControllerAdvice
class LayoutModel {

	record Navigation(boolean signedIn, boolean admin) {
	}

	@ModelAttribute("navigation")
	Navigation navigation(HttpServletRequest request) {
		return new Navigation(request.getRemoteUser() != null, request.isUserInRole("ADMIN"));
	}

	/**
	 * Whether the page was reached after an upload the container refused as too large
	 * ({@link UploadTooLarge}): the layout then says so. Read from the raw query string,
	 * not the parameters, which would parse a request body (and fail, on the error page
	 * of a broken one).
	 */
	@ModelAttribute("uploadTooLarge")
	boolean uploadTooLarge(HttpServletRequest request) {
		String query = request.getQueryString();
		return query != null && ("&" + query + "&").contains("&" + UploadTooLarge.MARK + "&");
	}

}
