package io.queuedesk.browser;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every page of the app, as each role sees it where pages differ: the accessibility and
 * screenshot test visits each row at every width. A new page is one more line.
 * {@code {ticket}} (an open ticket raised by the submitter and assigned to Dev One),
 * {@code {completed}} (a completed one) {@code {client}} (its client) and {@code {user}}
 * (Dev One's account) are filled in by {@link PageFixture}.
 */
final class PageCatalogue {

	record Visit(String name, DemoUser user, String path) {

		@Override
		public String toString() {
			return name;
		}

	}

	static final List<Visit> PAGES = List.of(
	// @formatter:off
		new Visit("login",                 DemoUser.ANONYMOUS, "/login"),
		new Visit("register",              DemoUser.ANONYMOUS, "/register"),
		new Visit("forgot-password",       DemoUser.ANONYMOUS, "/password/forgot"),
		new Visit("link-invalid",          DemoUser.ANONYMOUS, "/password/reset?token=no-such-token"),
		new Visit("change-password",       DemoUser.SUBMITTER, "/account/password"),
		new Visit("two-factor",            DemoUser.SUBMITTER, "/account/2fa"),
		new Visit("preferences",           DemoUser.SUBMITTER, "/account/preferences"),
		new Visit("not-found",             DemoUser.SUBMITTER, "/tickets/999999999"),
		new Visit("admin-dashboard",       DemoUser.ADMIN,     "/admin"),
		new Visit("admin-tickets",         DemoUser.ADMIN,     "/tickets"),
		new Visit("admin-new-ticket",      DemoUser.ADMIN,     "/tickets/new"),
		new Visit("admin-ticket",          DemoUser.ADMIN,     "/tickets/{ticket}"),
		new Visit("admin-edit-ticket",     DemoUser.ADMIN,     "/tickets/{ticket}/edit"),
		new Visit("admin-completed-ticket", DemoUser.ADMIN,    "/tickets/{completed}"),
		new Visit("admin-queue",           DemoUser.ADMIN,     "/queues/{client}"),
		new Visit("admin-board",           DemoUser.ADMIN,     "/queues/{client}/board"),
		new Visit("admin-my-tickets",      DemoUser.ADMIN,     "/my/tickets"),
		new Visit("admin-archive",         DemoUser.ADMIN,     "/archive"),
		new Visit("admin-pages",           DemoUser.ADMIN,     "/admin/pages"),
		new Visit("admin-clients",         DemoUser.ADMIN,     "/admin/clients"),
		new Visit("admin-product-areas",   DemoUser.ADMIN,     "/admin/product-areas"),
		new Visit("admin-mail",            DemoUser.ADMIN,     "/admin/mail"),
		new Visit("admin-activity",        DemoUser.ADMIN,     "/admin/activity"),
		new Visit("admin-users",           DemoUser.ADMIN,     "/admin/users"),
		new Visit("admin-new-user",        DemoUser.ADMIN,     "/admin/users/new"),
		new Visit("admin-user",            DemoUser.ADMIN,     "/admin/users/{user}"),
		new Visit("developer-my-tickets",  DemoUser.DEVELOPER, "/my/tickets"),
		new Visit("developer-board",       DemoUser.DEVELOPER, "/my/board"),
		new Visit("developer-tickets",     DemoUser.DEVELOPER, "/tickets"),
		new Visit("developer-new-ticket",  DemoUser.DEVELOPER, "/tickets/new"),
		new Visit("developer-ticket",      DemoUser.DEVELOPER, "/tickets/{ticket}"),
		new Visit("developer-archive",     DemoUser.DEVELOPER, "/archive"),
		new Visit("submitter-my-tickets",  DemoUser.SUBMITTER, "/my/tickets"),
		new Visit("submitter-tickets",     DemoUser.SUBMITTER, "/tickets"),
		new Visit("submitter-new-ticket",  DemoUser.SUBMITTER, "/tickets/new"),
		new Visit("submitter-ticket",      DemoUser.SUBMITTER, "/tickets/{ticket}"),
		new Visit("submitter-edit-ticket", DemoUser.SUBMITTER, "/tickets/{ticket}/edit"),
		new Visit("submitter-archive",     DemoUser.SUBMITTER, "/archive")
	// @formatter:on
	);

	/** The catalogue as a {@code @MethodSource}. */
	static Stream<Visit> pages() {
		return PAGES.stream();
	}

	/** Phone and desktop. */
	static final List<Integer> WIDTHS = List.of(360, 1280);

	private PageCatalogue() {
	}

}
