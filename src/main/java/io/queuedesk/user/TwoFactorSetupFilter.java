package io.queuedesk.user;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code QUEUEDESK_2FA_REQUIRED_ROLES} (docs/RULES.md#accounts): a signed-in user whose
 * role requires 2FA and who has not turned it on gets nothing but the set-up page. Every
 * other page redirects there, the JSON API answers 403; signing out, static files and
 * error pages stay open. Whether 2FA is on is asked from the database on each request of
 * such a user (one lookup by key, only while the setting names a role of theirs), so
 * turning it off or an admin's reset takes effect at once.
 */
class TwoFactorSetupFilter extends OncePerRequestFilter {

	static final String SET_UP_PAGE = "/account/2fa";

	private static final List<String> OPEN_PREFIXES = List.of(SET_UP_PAGE, "/logout", "/webjars/", "/css/", "/js/",
			"/favicon", "/error", "/login", "/actuator/");

	private final TwoFactorService twoFactor;

	TwoFactorSetupFilter(TwoFactorService twoFactor) {
		this.twoFactor = twoFactor;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
				&& twoFactor.isRequiredFor(user) && !twoFactor.isEnabled(user.getId())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/")) {
				response.sendError(HttpStatus.FORBIDDEN.value());
			}
			else {
				response.sendRedirect(request.getContextPath() + SET_UP_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
