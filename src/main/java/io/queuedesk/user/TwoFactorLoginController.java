package io.queuedesk.user;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /login/2fa}: the second step of a sign-in with 2FA on (docs/RULES.md#accounts).
 * Reached only with the marker {@link TwoFactorSignIn} left after a right password;
 * without it (or after five minutes) back to the login page. A right code signs the user
 * in here, under a new session id (no session fixation across the two steps); a wrong one
 * counts toward the account lock, and POSTs share the per-address limit of {@code /login}
 * (SecurityConfig).
 */
@Controller
@RequestMapping("/login/2fa")
// Like the TwoFactorSignIn it needs: the jar's commands run without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TwoFactorLoginController {

	private final TwoFactorService twoFactor;

	private final TwoFactorSignIn signIn;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	TwoFactorLoginController(TwoFactorService twoFactor, TwoFactorSignIn signIn) {
		this.twoFactor = twoFactor;
		this.signIn = signIn;
	}

	@GetMapping
	String showForm(Authentication authentication, HttpServletRequest request, Model model) {
		if (signedIn(authentication)) {
			return "redirect:/";
		}
		if (signIn.pending(request).isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("form", SecondFactorForm.empty());
		return "login-2fa";
	}

	@PostMapping
	String verify(@Valid @ModelAttribute("form") SecondFactorForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<TwoFactorSignIn.Pending> pending = signIn.pending(request);
		if (pending.isEmpty()) {
			return "redirect:/login?expired";
		}
		if (result.hasErrors()) {
			return "login-2fa";
		}
		TwoFactorService.Verification verification = twoFactor.verifySignIn(pending.get().userId(), form.code(),
				request.getRemoteAddr());
		switch (verification.outcome()) {
			case SIGNED_IN -> {
				signIn(verification.user(), request, response);
				return "redirect:/";
			}
			case WRONG_CODE -> {
				result.rejectValue("code", "twoFactor.code.wrong");
				return "login-2fa";
			}
			default -> {
				// Locked now, deactivated or reset meanwhile: the same answer as a
				// refused
				// password, which says nothing about why.
				TwoFactorSignIn.forget(request);
				return "redirect:/login?error";
			}
		}
	}

	/**
	 * What the form login does for an account without 2FA, done now: a new session id,
	 * then the authentication into the session.
	 */
	private void signIn(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		TwoFactorSignIn.forget(request);
		request.changeSessionId();
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		LanguageOnSignIn.remember(request, user);
	}

	private static boolean signedIn(Authentication authentication) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.isAuthenticated();
	}

}
