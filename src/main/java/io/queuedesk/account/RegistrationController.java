package io.queuedesk.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SecuritySettings;
import io.queuedesk.system.UniqueKeyViolation;
import io.queuedesk.user.PasswordPolicy;

/**
 * Self-registration for submitters (docs/RULES.md#accounts), switched off with
 * {@code queuedesk.registration.enabled=false} (then every route here answers 404). The
 * answer never tells whether the email had an account. Confirming takes a POST, so mail
 * scanners that fetch links do not use the token up.
 */
@Controller
@RequestMapping("/register")
class RegistrationController {

	private final AccountService accounts;

	private final Flash flash;

	private final boolean enabled;

	RegistrationController(AccountService accounts, Flash flash, SecuritySettings settings) {
		this.accounts = accounts;
		this.flash = flash;
		this.enabled = settings.registration().enabled();
	}

	@GetMapping
	String showForm(Model model) {
		requireEnabled();
		model.addAttribute("form", RegistrationForm.empty());
		return "account/register";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result, Model model) {
		requireEnabled();
		PasswordPolicy.check(form.email(), form.password(), form.confirmPassword())
			.ifPresent(problem -> result.rejectValue(problem.field(), problem.code()));
		if (result.hasErrors()) {
			return "account/register";
		}
		try {
			accounts.register(form.email(), form.displayName(), form.password());
		}
		catch (DataIntegrityViolationException ex) {
			// Registered twice at the same moment: the first one won and mailed; answer
			// the same.
			// Any other refusal made no account and sent no mail, so it must not say
			// "Check your inbox".
			if (!UniqueKeyViolation.is(ex)) {
				throw ex;
			}
		}
		return AccountPages.checkInbox(model, "register.sent.text");
	}

	@GetMapping("/confirm")
	String showConfirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		requireEnabled();
		if (!accounts.isConfirmationLive(token)) {
			return AccountPages.invalidLink(response, model, enabled);
		}
		model.addAttribute("token", token);
		return "account/confirm";
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireEnabled();
		if (!accounts.confirmEmail(token)) {
			return AccountPages.invalidLink(response, model, enabled);
		}
		flash.success(redirect, "register.confirmed");
		return "redirect:/login";
	}

	private void requireEnabled() {
		if (!enabled) {
			throw new NotFoundException("Page", "/register");
		}
	}

}
