package io.queuedesk.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

/**
 * The colour mode of the signed-in user, without a query: the one on the principal (read
 * with the user at sign-in, whichever way: password, 2FA, directory, single sign-on),
 * unless the user changed it during this session; then the session holds the new one. The
 * attribute is per user id, so a session that another user signs in to (the session id
 * changes, the attributes stay) does not show the previous user's choice.
 */
final class ColorModeSession {

	private static final String PREFIX = ColorModeSession.class.getName() + ".";

	private ColorModeSession() {
	}

	/** The mode of the page: AUTO for a visitor. */
	static ColorMode of(HttpServletRequest request) {
		SignedInUser user = principal(request);
		if (user == null) {
			return ColorMode.AUTO;
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PREFIX + user.getId()) instanceof ColorMode changed) {
			return changed;
		}
		return user.getColorMode();
	}

	/** Remembers a change made during this session. */
	static void remember(HttpServletRequest request, long userId, ColorMode mode) {
		request.getSession().setAttribute(PREFIX + userId, mode);
	}

	private static @Nullable SignedInUser principal(HttpServletRequest request) {
		if (request.getUserPrincipal() instanceof org.springframework.security.core.Authentication authentication
				&& authentication.getPrincipal() instanceof SignedInUser user) {
			return user;
		}
		return null;
	}

}
