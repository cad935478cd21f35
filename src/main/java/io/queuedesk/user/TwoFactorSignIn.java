package io.queuedesk.user;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * What a right password leads to (docs/RULES.md#accounts). Without 2FA: the home page, as
 * before. With 2FA on: the sign-in is taken back at once. The form login had already put
 * the authentication into the session; it is removed again, and the session keeps only a
 * {@link Pending} marker (the user's id and when), which grants nothing: to every rule
 * and every page the session is anonymous until {@link TwoFactorLoginController} has
 * checked the second factor and signed the user in (under a new session id). So no page,
 * API or service can be reached half-signed-in, whatever rule a page has.
 * <p>
 * SecurityConfig (module {@code system}) uses this bean as the form login's success
 * handler; {@link TwoFactorWebSecurity} declares it.
 */
class TwoFactorSignIn implements AuthenticationSuccessHandler {

	/** Session attribute of the marker. */
	static final String PENDING = TwoFactorSignIn.class.getName() + ".PENDING";

	/** How long the code may take to be typed after the password. */
	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	private final TwoFactorService twoFactor;

	private final Clock clock;

	private final SimpleUrlAuthenticationSuccessHandler home;

	TwoFactorSignIn(TwoFactorService twoFactor, Clock clock) {
		this.twoFactor = twoFactor;
		this.clock = clock;
		this.home = new SimpleUrlAuthenticationSuccessHandler("/");
		this.home.setAlwaysUseDefaultTargetUrl(true);
	}

	/**
	 * A password checked, a second factor still owed. Only the id: nothing in it could
	 * act as a signed-in user. Serializable: sessions live in the database.
	 */
	record Pending(long userId, Instant since) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof SignedInUser user && twoFactor.isEnabled(user.getId())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession();
			session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			session.setAttribute(PENDING, new Pending(user.getId(), Instant.now(clock)));
			response.sendRedirect(request.getContextPath() + "/login/2fa");
			return;
		}
		home.onAuthenticationSuccess(request, response, authentication);
	}

	/** The marker of this session, if it has one that is not too old. */
	Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return Optional.empty();
		}
		if (pending.since().plus(PENDING_FOR).isBefore(Instant.now(clock))) {
			session.removeAttribute(PENDING);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	static void forget(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
	}

}
