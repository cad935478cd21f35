package io.queuedesk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;
import io.queuedesk.user.PasswordPolicy;
import io.queuedesk.user.SignedInUser;

/**
 * A signed-in user changes their own password (docs/RULES.md#accounts), proving it with
 * the current one; their other sessions end, this one goes on.
 */
@Controller
@RequestMapping("/account/password")
class ChangePasswordController {

	private final AccountService accounts;

	private final Flash flash;

	ChangePasswordController(AccountService accounts, Flash flash) {
		this.accounts = accounts;
		this.flash = flash;
	}

	@GetMapping
	String showForm(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("form", ChangePasswordForm.empty());
		return page(user, model);
	}

	/**
	 * The form, or for a directory account the note that its password is changed in the
	 * directory (the service refuses a change anyway).
	 */
	private String page(SignedInUser user, Model model) {
		model.addAttribute("directoryAccount", accounts.passwordKeptElsewhere(user));
		return "account/change-password";
	}

	@PostMapping
	String change(@Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		PasswordPolicy.check(user.getEmail(), form.password(), form.confirmPassword())
			.ifPresent(problem -> result.rejectValue(problem.field(), problem.code()));
		if (result.hasErrors()) {
			return page(user, model);
		}
		try {
			HttpSession session = request.getSession(false);
			accounts.changePassword(user, form.currentPassword(), form.password(),
					session == null ? null : session.getId());
		}
		catch (WrongPasswordException ex) {
			result.rejectValue("currentPassword", "password.current.wrong");
			return page(user, model);
		}
		flash.success(redirect, "password.changed");
		return "redirect:/";
	}

}
