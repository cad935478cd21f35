package io.queuedesk.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.queuedesk.system.AdminPages.AdminPage;

/**
 * What the page layout needs to know about the visitor, for every page: whether someone
 * is signed in, whether they are an admin (the menu) and which page they are on (the
 * current menu entry is marked). Asked of the request, which Spring Security answers from
 * the signed-in user: far cheaper than the layout's {@code sec:authorize} expressions
 * were (each built a SpEL evaluation context), and the layout is on every page. A page
 * rendered without a controller (the 503 page) has no model attribute: it shows the
 * layout of a visitor.
 */
@ControllerAdvice
class LayoutModel {

	record Navigation(boolean signedIn, boolean admin, String path) {

		/** The layout of a visitor, on no page of the menu. */
		static Navigation visitor() {
			return new Navigation(false, false, "");
		}

		/** The Admin menu's entries, empty for anyone but an admin. */
		public List<AdminPage> adminPages() {
			return admin ? AdminPages.ALL : List.of();
		}

		/** Where the Admin menu leads without JavaScript. */
		public String adminIndex() {
			return AdminPages.INDEX;
		}

		/** Whether the page is {@code route} or one below it ({@code /admin/users/7}). */
		public boolean current(String route) {
			return path.equals(route) || path.startsWith(route + "/");
		}

		/**
		 * Whether the page is one of the Admin menu's or its index: the menu is then
		 * marked as the current group. Not the dashboard {@code /admin}, a link of its
		 * own.
		 */
		public boolean inAdminMenu() {
			return current(AdminPages.INDEX) || AdminPages.ALL.stream().anyMatch(page -> current(page.path()));
		}

	}

	@ModelAttribute("navigation")
	Navigation navigation(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return new Navigation(request.getRemoteUser() != null, request.isUserInRole("ADMIN"), path);
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
