package io.queuedesk.user;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs for the colour mode, on every page and without a query
 * ({@link ColorModeSession}): the mode ({@code data-bs-theme} on {@code <html>}), the
 * buttons in the footer and the page they return to. A page rendered without a controller
 * (the 503 page) has no attribute: it follows the operating system.
 */
@ControllerAdvice
class ColorModeModel {

	record ColorModeChoice(ColorMode mode, String returnTo) {

		/** The buttons, in order. */
		public List<ColorMode> modes() {
			return List.of(ColorMode.values());
		}

		/** Where the form posts (in fragments/layout.html). */
		public String action() {
			return ColorModeController.PATH;
		}

	}

	@ModelAttribute("colorMode")
	ColorModeChoice colorMode(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		// After a post (a form shown again with its errors) the page's own address is
		// where the form was; its query string, if any, is the one of the get.
		boolean get = HttpMethod.GET.matches(request.getMethod());
		String returnTo = get && query != null ? path + "?" + query : path;
		return new ColorModeChoice(ColorModeSession.of(request), returnTo);
	}

}
