package io.queuedesk.user;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The answer to an expired, used, forged or missing link: a 400 page that says so plainly and
 * offers the ways on (register again, reset the password). Nothing was changed.
 */
final class InvalidLinkPage {

	private InvalidLinkPage() {
	}

	static String show(HttpServletResponse response, Model model, boolean registrationEnabled) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("registrationEnabled", registrationEnabled);
		return "user/link-invalid";
	}

}
