package io.queuedesk.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The parts of the security set-up that keep anonymous visitors out of the session store.
 * Sessions are rows in the database (Spring Session JDBC): with the CSRF token kept in
 * the session, every anonymous GET /login wrote a row, so anyone could grow the table
 * without signing in.
 */
final class SessionlessVisitors {

	private SessionlessVisitors() {
	}

	/**
	 * The CSRF token in a cookie instead of the session: HttpOnly (no script reads it;
	 * forms carry it in a hidden field), SameSite=Lax like the session cookie, so no
	 * other site's POST sends it, and HTTPS-only with {@code SESSION_COOKIE_SECURE=true}
	 * (otherwise whenever the request came over HTTPS). A POST passes only when the
	 * form's token matches the cookie's.
	 */
	static CsrfTokenRepository csrfTokenCookie(boolean secure) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> {
			cookie.sameSite("Lax");
			if (secure) {
				cookie.secure(true);
			}
		});
		return tokens;
	}

	/**
	 * Spring Security's default handler (the form gets a masked token, BREACH-safe), but
	 * the token is loaded at the start of every request instead of when a form first asks
	 * for it: a cookie can only be set before the response is committed, and a page
	 * streams out while it renders.
	 */
	static CsrfTokenRequestHandler csrfTokenOnEveryRequest() {
		XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
		handler.setCsrfRequestAttributeName(null);
		return handler;
	}

	/**
	 * Back to the login page with ?error, without keeping the exception in a new session.
	 * Not when the database failed (unreachable or busy): "sign-in failed" would send the
	 * user to retype a right password; the failure goes on to DatabaseBusyFilter, which
	 * answers 503.
	 */
	static SimpleUrlAuthenticationFailureHandler loginFailure(String url) {
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(url) {
			@Override
			public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) throws IOException, ServletException {
				if (DatabaseFailure.of(exception) != DatabaseFailure.NONE) {
					throw new ServletException("Sign-in failed on the database", exception);
				}
				if (exception instanceof SignInUnavailableException) {
					// The directory is down: not the user's fault, and they should know.
					getRedirectStrategy().sendRedirect(request, response, "/login?unavailable");
					return;
				}
				super.onAuthenticationFailure(request, response, exception);
			}
		};
		failure.setAllowSessionCreation(false);
		return failure;
	}

}
