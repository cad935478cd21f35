package io.queuedesk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;
import io.queuedesk.system.Languages;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.UserAccounts;

/**
 * A signed-in user's preferences (issue 18): the language of the pages and of the mails
 * they get, or the browser's. The choice is stored on the user and kept in this session
 * at once (other sessions of the user take it at their next sign-in).
 */
@Controller
@RequestMapping("/account/preferences")
class PreferencesController {

	private final UserAccounts accounts;

	private final Flash flash;

	PreferencesController(UserAccounts accounts, Flash flash) {
		this.accounts = accounts;
		this.flash = flash;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String showForm(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
		model.addAttribute("form", PreferencesForm.of(Languages.chosen(request, user.getLanguage())));
		return page(model);
	}

	@PostMapping
	String save(@Valid @ModelAttribute("form") PreferencesForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("language") && !form.valid()) {
			result.rejectValue("language", "preferences.language.invalid");
		}
		if (result.hasErrors()) {
			return page(model);
		}
		accounts.setLanguage(user.getId(), form.storedLanguage());
		Languages.remember(request, form.storedLanguage());
		flash.success(redirect, "preferences.saved");
		return "redirect:/account/preferences";
	}

	private static String page(Model model) {
		model.addAttribute("languages", Languages.SUPPORTED);
		return "account/preferences";
	}

}
