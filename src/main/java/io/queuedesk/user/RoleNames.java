package io.queuedesk.user;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one reading of role names, wherever they are typed or sent: the admin's forms and
 * the {@code create-user} command. A name is a {@link Role} ignoring case and surrounding
 * blanks ({@code admin}, {@code " Developer "}); anything else (e.g. {@code GOD}) is
 * unknown, which is a user error to report, never a 400 or a 500.
 */
final class RoleNames {

	private RoleNames() {
	}

	/**
	 * The role with this name (case and surrounding blanks ignored), or empty for null or
	 * an unknown name.
	 */
	static Optional<Role> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The roles named, or empty when any name is not a role; no names at all is an empty
	 * set.
	 */
	static Optional<Set<Role>> parse(Collection<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				Optional<Role> role = parse(name);
				if (role.isEmpty()) {
					return Optional.empty();
				}
				roles.add(role.get());
			}
		}
		return Optional.of(roles);
	}

}
