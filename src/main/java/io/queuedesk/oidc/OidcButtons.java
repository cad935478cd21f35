package io.queuedesk.oidc;

import java.util.List;

/**
 * The login page's single sign-on buttons, one per OpenID Connect registration.
 *
 * @param buttons in the order of the settings
 */
public record OidcButtons(List<Button> buttons) {

	/**
	 * A "Sign in with {name}" link: a plain link, no script, so the page's Content
	 * Security Policy holds.
	 *
	 * @param registrationId the registration, the last part of
	 * {@code /oauth2/authorization/{registrationId}}
	 * @param name the provider's name on the button
	 */
	public record Button(String registrationId, String name) {

		public String url() {
			return "/oauth2/authorization/" + registrationId;
		}

	}

}
