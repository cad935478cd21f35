package io.queuedesk.user;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.queuedesk.system.Languages;

/**
 * Puts the user's language into the session at sign-in (issue 18), so no page asks the
 * database for it: from the principal, which every sign-in loads anyway. Spring
 * Security's success event covers the password form and the directory (LDAP); the second
 * factor ({@link TwoFactorLoginController}) and single sign-on (module {@code oidc})
 * finish their sign-ins themselves and call {@link #remember} too. A session that carried
 * another user's choice gets this user's (an empty one included).
 */
@Component
public class LanguageOnSignIn {

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			remember(currentRequest(), user);
		}
	}

	/** Keeps {@code user}'s language in the request's session. */
	public static void remember(HttpServletRequest request, SignedInUser user) {
		if (request != null) {
			request.getSession(); // a sign-in is about to keep a session anyway
			Languages.remember(request, user.getLanguage());
		}
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
