package io.queuedesk.user;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Role names as a form sends them: unknown names are a user error, not a 400 or a 500. */
final class RoleNames {

	private RoleNames() {
	}

	/** The roles named, or empty when any name is not a role (e.g. {@code GOD}). */
	static Optional<Set<Role>> parse(Collection<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				try {
					roles.add(Role.valueOf(name));
				}
				catch (IllegalArgumentException | NullPointerException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.of(roles);
	}

}
