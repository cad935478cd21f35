package io.queuedesk.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The colour mode buttons in the footer (fragments/layout.html): without JavaScript a
 * form post that stores the choice and returns to the page it came from (a local path;
 * anything else returns to the start page, so the form cannot redirect elsewhere). With
 * JavaScript (js/color-mode.js) the page switches at once and the same post, marked by
 * the {@code X-Requested-With: fetch} header, is answered with 204. A value other than
 * AUTO, LIGHT or DARK is a 400.
 */
@Controller
class ColorModeController {

	static final String PATH = "/account/color-mode";

	static final int MAX_RETURN_TO = 2000;

	private final ColorModes colorModes;

	ColorModeController(ColorModes colorModes) {
		this.colorModes = colorModes;
	}

	@InitBinder
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("colorMode", "returnTo");
	}

	@PostMapping(PATH)
	RedirectView change(@Valid @ModelAttribute("colorModeForm") ColorModeForm form,
			@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		store(form, user, request);
		RedirectView back = new RedirectView(localPath(form.returnTo()), true);
		back.setExpandUriTemplateVariables(false);
		back.setExposeModelAttributes(false);
		return back;
	}

	@PostMapping(path = PATH, headers = "X-Requested-With=fetch")
	ResponseEntity<Void> changeInPlace(@Valid @ModelAttribute("colorModeForm") ColorModeForm form,
			@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		store(form, user, request);
		return ResponseEntity.noContent().build();
	}

	private void store(ColorModeForm form, SignedInUser user, HttpServletRequest request) {
		colorModes.change(user.getId(), form.colorMode());
		ColorModeSession.remember(request, user.getId(), form.colorMode());
	}

	/**
	 * The path to return to if it is a path of this app ({@code /tickets?status=OPEN}):
	 * starting with one slash (so no scheme and no host), not protocol-relative
	 * ({@code //host}), without a backslash (which browsers read as a slash), of
	 * printable ASCII only (a page's address as the layout writes it is percent-encoded)
	 * and not longer than {@value #MAX_RETURN_TO} characters (a Location header, not a
	 * megabyte); else the start page. Kept as sent, without expanding {@code {...}}.
	 */
	static String localPath(@Nullable String returnTo) {
		if (returnTo == null || returnTo.length() > MAX_RETURN_TO || !returnTo.startsWith("/")
				|| returnTo.startsWith("//") || returnTo.contains("\\")
				|| returnTo.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
			return "/";
		}
		return returnTo;
	}

}
