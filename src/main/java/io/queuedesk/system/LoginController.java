package io.queuedesk.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final boolean registrationEnabled;

	LoginController(SecuritySettings settings) {
		this.registrationEnabled = settings.registration().enabled();
	}

	/** The form posts to Spring Security's /login; a signed-in user has no use for it. */
	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.isAuthenticated()) {
			return "redirect:/";
		}
		model.addAttribute("registrationEnabled", registrationEnabled);
		return "login";
	}

}
