package io.queuedesk.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.account.AccountService.PasswordLink;
import io.queuedesk.system.Flash;
import io.queuedesk.system.SecuritySettings;
import io.queuedesk.user.PasswordPolicy;

/**
 * Forgotten passwords (docs/RULES.md#accounts): the request page answers the same
 * whatever the email; the link leads to a form that sets a new password, also for a first
 * password after an admin created the account ("Choose your password").
 */
@Controller
@RequestMapping("/password")
class PasswordResetController {

	private final AccountService accounts;

	private final Flash flash;

	private final boolean registrationEnabled;

	PasswordResetController(AccountService accounts, Flash flash, SecuritySettings settings) {
		this.accounts = accounts;
		this.flash = flash;
		this.registrationEnabled = settings.registration().enabled();
	}

	@GetMapping("/forgot")
	String showForgot(Model model) {
		model.addAttribute("form", ForgotPasswordForm.empty());
		return "account/forgot";
	}

	@PostMapping("/forgot")
	String forgot(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			return "account/forgot";
		}
		accounts.requestPasswordReset(form.email());
		return AccountPages.checkInbox(model, "forgot.sent.text");
	}

	@GetMapping("/reset")
	String showReset(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		Optional<PasswordLink> link = accounts.passwordLink(token);
		if (link.isEmpty()) {
			return AccountPages.invalidLink(response, model, registrationEnabled);
		}
		model.addAttribute("form", ResetPasswordForm.forToken(token));
		return resetPage(link.get(), model);
	}

	@PostMapping("/reset")
	String reset(@ModelAttribute("form") ResetPasswordForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<PasswordLink> link = accounts.passwordLink(form.token());
		if (link.isEmpty()) {
			return AccountPages.invalidLink(response, model, registrationEnabled);
		}
		PasswordPolicy.check(link.get().email(), form.password(), form.confirmPassword())
			.ifPresent(problem -> result.rejectValue(problem.field(), problem.code()));
		if (result.hasErrors()) {
			return resetPage(link.get(), model);
		}
		if (!accounts.resetPassword(form.token(), form.password())) {
			// Used up by a second tab or expired while the form was open.
			return AccountPages.invalidLink(response, model, registrationEnabled);
		}
		flash.success(redirect, link.get().firstPassword() ? "password.chosen" : "password.reset.done");
		return "redirect:/login";
	}

	private String resetPage(PasswordLink link, Model model) {
		model.addAttribute("firstPassword", link.firstPassword());
		return "account/reset";
	}

}
