package io.queuedesk.system;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each user to the home page of their role. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return admin ? "redirect:/admin" : "redirect:/my/tickets";
	}

}
