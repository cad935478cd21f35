package io.queuedesk.user;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's colour mode (issue 18): a display preference of their own, so no activity
 * entry (the activity log records what changes tickets, accounts and access).
 */
@Service
public class ColorModes {

	private final UserRepository users;

	ColorModes(UserRepository users) {
		this.users = users;
	}

	/** Stores the mode; AUTO (follow the operating system) is stored as NULL. */
	@Transactional
	public void change(long userId, ColorMode mode) {
		users.findById(userId).ifPresent(user -> user.setColorMode(mode.stored()));
	}

}
