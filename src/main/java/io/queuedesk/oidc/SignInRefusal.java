package io.queuedesk.oidc;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A single sign-on that did not end signed in goes back to the login page with the reason
 * the person can act on ({@code /login?sso=unverified}, …), without keeping anything in a
 * session (as the password form's failure does). Whatever went wrong in the protocol (a
 * cancelled consent, an expired or replayed answer, a token that does not check out) is
 * {@code ?sso=failed}, with the provider's error in the log.
 */
class SignInRefusal implements AuthenticationFailureHandler {

	private static final Log log = LogFactory.getLog(SignInRefusal.class);

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = "failed";
		if (causedByUnreachableProvider(exception)) {
			reason = "unavailable"; // IssuerRegistration has logged why
		}
		else if (exception instanceof OAuth2AuthenticationException oauth) {
			reason = switch (oauth.getError().getErrorCode()) {
				case OidcSignIn.UNVERIFIED_EMAIL -> "unverified";
				case OidcSignIn.NO_EMAIL -> "noemail";
				case OidcSignIn.DEACTIVATED, OidcSignIn.LOCKED -> "refused";
				default -> {
					log.warn("Single sign-on failed: " + oauth.getError());
					yield "failed";
				}
			};
		}
		else {
			log.warn("Single sign-on failed: " + exception.getMessage());
		}
		redirect.sendRedirect(request, response, "/login?sso=" + reason);
	}

	private static boolean causedByUnreachableProvider(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof IssuerRegistration.ProviderUnavailableException) {
				return true;
			}
		}
		return false;
	}

}
