package io.queuedesk.account;

import java.util.List;
import java.util.Optional;

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
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TwoFactorService;

/**
 * {@code /account/2fa}: a signed-in user sets up two-factor authentication with an
 * authenticator app (QR code and the secret as text), turns it on with a code and gets
 * ten recovery codes shown once; or turns it off with the password
 * (docs/RULES.md#accounts).
 */
@Controller
@RequestMapping("/account/2fa")
class TwoFactorController {

	static final String PAGE = "account/two-factor";

	private final TwoFactorService twoFactor;

	private final Flash flash;

	TwoFactorController(TwoFactorService twoFactor, Flash flash) {
		this.twoFactor = twoFactor;
		this.flash = flash;
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("form", TwoFactorCodeForm.empty());
		model.addAttribute("disableForm", DisableTwoFactorForm.empty());
		return page(user, model);
	}

	@PostMapping("/enable")
	String enable(@Valid @ModelAttribute("form") TwoFactorCodeForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
		model.addAttribute("disableForm", DisableTwoFactorForm.empty());
		if (result.hasErrors()) {
			return page(user, model);
		}
		Optional<List<String>> codes = twoFactor.enable(user, form.code());
		if (codes.isEmpty()) {
			result.rejectValue("code", "twoFactor.code.wrong");
			return page(user, model);
		}
		flash.success(redirect, "twoFactor.enabled");
		// Shown once on the next page, from the flash: never in a URL or the log.
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		return "redirect:/account/2fa";
	}

	@PostMapping("/disable")
	String disable(@Valid @ModelAttribute("disableForm") DisableTwoFactorForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
		model.addAttribute("form", TwoFactorCodeForm.empty());
		if (!result.hasErrors() && !twoFactor.disable(user, form.currentPassword())) {
			result.rejectValue("currentPassword", "password.current.wrong");
		}
		if (result.hasErrors()) {
			return page(user, model);
		}
		flash.success(redirect, "twoFactor.disabled");
		return "redirect:/account/2fa";
	}

	private String page(SignedInUser user, Model model) {
		TwoFactorService.Status status = twoFactor.status(user);
		model.addAttribute("status", status);
		if (status.available() && !status.enabled()) {
			TwoFactorService.Enrolment enrolment = twoFactor.startEnrolment(user);
			model.addAttribute("secret", enrolment.secret());
			model.addAttribute("qrCode", QrCodes.pngDataUri(enrolment.uri()));
		}
		return PAGE;
	}

}
