package io.queuedesk.account;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The answer pages the account flows share. */
final class AccountPages {

	private AccountPages() {
	}

	/**
	 * "Check your inbox": the one answer to a registration or a reset request, whatever
	 * the email, so the page never tells whether an account exists. {@code textCode} says
	 * what to expect.
	 */
	static String checkInbox(Model model, String textCode) {
		model.addAttribute("inboxText", textCode);
		return "account/check-inbox";
	}

	/**
	 * The answer to an expired, used, forged or missing link: a 400 page that says so
	 * plainly and offers the ways on (register again, reset the password). Nothing was
	 * changed.
	 */
	static String invalidLink(HttpServletResponse response, Model model, boolean registrationEnabled) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("registrationEnabled", registrationEnabled);
		return "account/link-invalid";
	}

}
