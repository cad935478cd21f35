package io.queuedesk.user;

import io.queuedesk.system.PagedSearch;

/**
 * Filters of /admin/users (docs/RULES.md#pages-and-routes: {@code q} in email or name,
 * {@code role}, {@code active}). A JavaBean so that a bad value (role=GOD) fails only its
 * own field and the rest still applies.
 */
class UserFilter extends PagedSearch {

	private Role role;

	private Boolean active;

	/** The id of the user that "next" starts after, or null. */
	Long afterId() {
		return id(getAfter());
	}

	/** The id of the user that "previous" ends before, or null. */
	Long beforeId() {
		return id(getBefore());
	}

	private static Long id(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Boolean getActive() {
		return active;
	}

	public void setActive(Boolean active) {
		this.active = active;
	}

}
