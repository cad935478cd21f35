package io.queuedesk.user;

import java.util.Locale;

/**
 * Filters of /admin/users (SPEC §6: {@code q}, {@code role}, {@code active}). A JavaBean rather
 * than a record so that a bad value (role=GOD) fails only its own field and the rest still applies.
 */
public class UserFilter {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	private String q;

	private Role role;

	private Boolean active;

	private int page;

	private int size = DEFAULT_SIZE;

	/** The search text, lower-case and trimmed, or null. */
	String text() {
		return q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
	}

	int safePage() {
		return Math.max(0, page);
	}

	int safeSize() {
		return size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
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

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

	public int getSize() {
		return size;
	}

	public void setSize(int size) {
		this.size = size;
	}

}
