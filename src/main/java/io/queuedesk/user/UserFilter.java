package io.queuedesk.user;

import io.queuedesk.system.PagedSearch;

/**
 * Filters of /admin/users (SPEC §6: {@code q} in email or name, {@code role}, {@code active}). A
 * JavaBean so that a bad value (role=GOD) fails only its own field and the rest still applies.
 */
public class UserFilter extends PagedSearch {

	private Role role;

	private Boolean active;

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
