package io.queuedesk.system;

import java.util.List;

/**
 * The pages of the layout's Admin menu, in menu order: the dropdown and the index page
 * {@value #INDEX} both list these, so they cannot drift apart. The routes are SPEC's; the
 * dashboard {@code /admin} stays a top-level link of its own (it is the admin's home).
 */
public final class AdminPages {

	/**
	 * The index of the admin pages, where the Admin menu leads without JavaScript. Not
	 * {@code /admin} (SPEC's dashboard) and not {@code /admin/} (a second name for it);
	 * under {@code /admin/**}, so the admins-only rule of SecurityConfig covers it.
	 */
	public static final String INDEX = "/admin/pages";

	/**
	 * A menu entry: its route and the message keys of its name and one-line description.
	 */
	public record AdminPage(String path, String name, String description) {
	}

	static final List<AdminPage> ALL = List.of(page("/admin/users", "nav.users", "users"),
			page("/admin/activity", "nav.activity", "activity"), page("/admin/mail", "nav.mail", "mail"),
			page("/admin/clients", "nav.clients", "clients"),
			page("/admin/product-areas", "nav.productAreas", "productAreas"));

	private AdminPages() {
	}

	private static AdminPage page(String path, String name, String key) {
		return new AdminPage(path, name, "adminPages." + key + ".description");
	}

}
