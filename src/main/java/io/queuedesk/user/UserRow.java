package io.queuedesk.user;

import java.time.Instant;
import java.util.Set;

/**
 * One line of the admin user list: plain values, so showing a page loads nothing more.
 */
record UserRow(long id, String email, String displayName, Set<Role> roles, boolean active, Instant lockedUntil,
		boolean locked) {
}
