package io.queuedesk.oidc;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the login page its "Sign in with …" buttons while single sign-on is configured.
 */
@ControllerAdvice(basePackages = { "io.queuedesk.system", "io.queuedesk.account" })
// On the class: @ControllerAdvice is a component, found by the scan whatever the
// configuration class says.
@Conditional(OidcConfigured.class)
class OidcPageModel {

	private final OidcButtons buttons;

	OidcPageModel(OidcButtons buttons) {
		this.buttons = buttons;
	}

	@ModelAttribute("singleSignOn")
	List<OidcButtons.Button> singleSignOn() {
		return buttons.buttons();
	}

}
