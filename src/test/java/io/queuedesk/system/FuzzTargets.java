package io.queuedesk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every route (docs/RULES.md#pages-and-routes) and the controllers with the parameters it
 * reads, as the fuzz suite ({@link BadInputPropertiesTest}) sends them: who may use it, a
 * base request that the route would take, and which parameters (and path ids) get the bad
 * value. One {@link Target} is one parameter of one route.
 */
final class FuzzTargets {

	enum Who {

		ADMIN, DEVELOPER, SUBMITTER, VISITOR

	}

	/**
	 * A route: {@code path} may hold {@code {id}}, the path variable that is fuzzed too
	 * (its value in the base request is {@code id}); {@code base} gives the other
	 * parameters' values at the time of the request (a version, a fresh email);
	 * {@code tellsRefusal}: a refused request writes nothing and answers 200 or 4xx, so
	 * the row counts must not move (false where a refusal is counted, like a failed
	 * sign-in, or where 200 also means "done", like the registration's "check your
	 * inbox").
	 */
	record Route(Who who, String method, String path, String id, Supplier<Map<String, String>> base,
			List<String> parameters, boolean tellsRefusal) {

		String path(String idValue) {
			return path.replace("{id}", idValue);
		}

	}

	/** One parameter of a route, or its path id when {@code parameter} is null. */
	record Target(Route route, String parameter) {

		@Override
		public String toString() {
			return route.method + " " + route.path + " " + (parameter == null ? "{id}" : parameter) + " as "
					+ route.who;
		}

	}

	/** The ids the routes act on: the suite's own users, clients, tickets. */
	record Fixture(String run, long admin, long developer, long victim, long clientA, long clientB, long area,
			long ticket, long workflowTicket, long deletable, long comment, long submittersTicket) {
	}

	private FuzzTargets() {
	}

	/**
	 * @param version a ticket's current version, for the edit forms
	 */
	static List<Route> routes(Fixture f, Function<Long, Long> version) {
		List<Route> routes = new ArrayList<>();
		List<String> ticketFilters = List.of("client", "status", "assignee", "productArea", "overdue", "q", "sort",
				"page", "size", "after", "before");
		Map<String, String> tickets = Map.of("client", String.valueOf(f.clientA()), "q", "fuzz");
		get(routes, Who.ADMIN, "/tickets", null, tickets, ticketFilters);
		get(routes, Who.SUBMITTER, "/tickets", null, tickets, ticketFilters);
		get(routes, Who.ADMIN, "/api/tickets", null, tickets, ticketFilters);
		get(routes, Who.ADMIN, "/archive", null, Map.of(), List.of("client", "q", "page", "size", "after", "before"));
		get(routes, Who.ADMIN, "/my/tickets", null, Map.of(), List.of("page", "after", "before", "assignedPage",
				"assignedAfter", "assignedBefore", "pickPage", "pickAfter", "pickBefore"));
		get(routes, Who.SUBMITTER, "/my/tickets", null, Map.of(), List.of("page", "after", "before"));
		get(routes, Who.ADMIN, "/queues/{id}", String.valueOf(f.clientA()), Map.of(), List.of("page"));
		get(routes, Who.ADMIN, "/queues", null, Map.of(), List.of("client"));
		get(routes, Who.ADMIN, "/tickets/{id}", String.valueOf(f.ticket()), Map.of(), List.of());
		get(routes, Who.SUBMITTER, "/tickets/{id}", String.valueOf(f.submittersTicket()), Map.of(), List.of());
		get(routes, Who.SUBMITTER, "/tickets/{id}/edit", String.valueOf(f.submittersTicket()), Map.of(), List.of());
		get(routes, Who.ADMIN, "/tickets/{id}/edit", String.valueOf(f.ticket()), Map.of(), List.of());
		get(routes, Who.ADMIN, "/api/tickets/{id}", String.valueOf(f.ticket()), Map.of(), List.of());
		get(routes, Who.ADMIN, "/api/clients", null, Map.of(), List.of());
		get(routes, Who.ADMIN, "/tickets/new", null, Map.of(), List.of());
		get(routes, Who.ADMIN, "/admin", null, Map.of(), List.of("from", "to"));
		get(routes, Who.ADMIN, "/admin/users", null, Map.of(),
				List.of("q", "role", "active", "page", "size", "after", "before"));
		get(routes, Who.ADMIN, "/admin/users/{id}", String.valueOf(f.victim()), Map.of(), List.of("page"));
		List<String> activity = List.of("user", "ticket", "action", "from", "to", "page", "after", "before");
		get(routes, Who.ADMIN, "/admin/activity", null, Map.of(), activity);
		get(routes, Who.ADMIN, "/admin/activity/export.csv", null, Map.of("ticket", String.valueOf(f.ticket())),
				activity);
		get(routes, Who.ADMIN, "/admin/mail", null, Map.of(), List.of("page"));
		get(routes, Who.ADMIN, "/admin/clients", null, Map.of(), List.of());
		get(routes, Who.ADMIN, "/admin/product-areas", null, Map.of(), List.of());
		get(routes, Who.VISITOR, "/register/confirm", null, Map.of(), List.of("token"));
		get(routes, Who.VISITOR, "/password/reset", null, Map.of(), List.of("token"));
		get(routes, Who.VISITOR, "/login", null, Map.of(), List.of("error", "logout"));

		String ticket = String.valueOf(f.ticket());
		post(routes, Who.ADMIN, "/tickets/new", null,
				() -> Map.of("title", "Fuzz title " + f.run(), "description", "Fuzz description", "clientId",
						String.valueOf(f.clientA()), "productAreaId", String.valueOf(f.area()), "targetDate",
						"2099-01-31"),
				List.of("title", "description", "clientId", "productAreaId", "targetDate", "assigneeId", "topOfQueue"),
				true);
		post(routes, Who.SUBMITTER, "/tickets/new", null,
				() -> Map.of("title", "Fuzz title " + f.run(), "description", "Fuzz description", "clientId",
						String.valueOf(f.clientA()), "productAreaId", String.valueOf(f.area())),
				List.of("title", "description", "clientId", "productAreaId", "targetDate", "assigneeId", "topOfQueue"),
				true);
		post(routes, Who.ADMIN, "/tickets/{id}/edit", ticket,
				() -> Map.of("title", "Fuzz ticket " + f.run(), "description", "Fuzz description", "productAreaId",
						String.valueOf(f.area()), "targetDate", "2099-01-31", "version",
						String.valueOf(version.apply(f.ticket()))),
				List.of("title", "description", "productAreaId", "targetDate", "version"), true);
		post(routes, Who.SUBMITTER, "/tickets/{id}/edit", String.valueOf(f.submittersTicket()),
				() -> Map.of("title", "Fuzz raised " + f.run(), "description", "Fuzz description", "productAreaId",
						String.valueOf(f.area()), "version", String.valueOf(version.apply(f.submittersTicket()))),
				List.of("title", "description", "productAreaId", "targetDate", "version"), true);
		post(routes, Who.ADMIN, "/tickets/{id}/transition", String.valueOf(f.workflowTicket()),
				() -> Map.of("to", "ACCEPTED"), List.of("to", "version"), true);
		post(routes, Who.ADMIN, "/tickets/{id}/assign", String.valueOf(f.workflowTicket()),
				() -> Map.of("assigneeId", String.valueOf(f.developer())), List.of("assigneeId"), true);
		post(routes, Who.ADMIN, "/tickets/{id}/move", ticket, () -> Map.of("returnTo", "queue"),
				List.of("to", "position", "returnTo"), true);
		post(routes, Who.ADMIN, "/tickets/{id}/transfer", ticket, () -> Map.of("clientId", String.valueOf(f.clientB())),
				List.of("clientId"), true);
		post(routes, Who.ADMIN, "/tickets/{id}/comments", ticket, () -> Map.of("body", "Fuzz comment"),
				List.of("body", "internal"), true);
		post(routes, Who.SUBMITTER, "/tickets/{id}/comments", String.valueOf(f.submittersTicket()),
				() -> Map.of("body", "Fuzz comment"), List.of("body", "internal"), true);
		post(routes, Who.ADMIN, "/tickets/" + ticket + "/comments/{id}/delete", String.valueOf(f.comment()), Map::of,
				List.of(), true);
		post(routes, Who.ADMIN, "/tickets/{id}/delete", String.valueOf(f.deletable()), Map::of, List.of(), true);
		post(routes, Who.ADMIN, "/admin/users/new", null,
				() -> Map.of("email", "fuzz-new-" + f.run() + "-" + System.nanoTime() + "@test.example", "displayName",
						"Fuzz New", "roles", "SUBMITTER", "generatePassword", "true"),
				List.of("email", "displayName", "roles", "generatePassword", "password", "confirmPassword"), true);
		post(routes, Who.ADMIN, "/admin/users/{id}/active", String.valueOf(f.victim()), () -> Map.of("active", "true"),
				List.of("active"), true);
		post(routes, Who.ADMIN, "/admin/users/{id}/roles", String.valueOf(f.victim()),
				() -> Map.of("roles", "SUBMITTER"), List.of("roles"), true);
		for (String kind : List.of("clients", "product-areas")) {
			String id = String.valueOf(kind.equals("clients") ? f.clientA() : f.area());
			post(routes, Who.ADMIN, "/admin/" + kind, null,
					() -> Map.of("name", "Fuzz " + kind + " " + f.run() + " " + System.nanoTime()), List.of("name"),
					true);
			post(routes, Who.ADMIN, "/admin/" + kind + "/{id}/rename", id,
					() -> Map.of("name", "Fuzz " + kind + " " + f.run()), List.of("name"), true);
			post(routes, Who.ADMIN, "/admin/" + kind + "/{id}/active", id, () -> Map.of("active", "true"),
					List.of("active"), true);
			post(routes, Who.ADMIN, "/admin/" + kind + "/{id}/delete", "-1", Map::of, List.of(), true);
		}
		post(routes, Who.ADMIN, "/admin/mail/{id}/retry", "-1", Map::of, List.of("page"), true);
		post(routes, Who.SUBMITTER, "/account/password", null, () -> Map.of("currentPassword", "not-the-password",
				"password", "Fuzz-new-P@55word", "confirmPassword", "Fuzz-new-P@55word"),
				List.of("currentPassword", "password", "confirmPassword"), false);
		post(routes, Who.SUBMITTER, "/account/color-mode", null,
				() -> Map.of("colorMode", "AUTO", "returnTo", "/my/tickets"), List.of("colorMode", "returnTo"), true);
		post(routes, Who.VISITOR, "/register", null,
				() -> Map.of("email", "fuzz-reg-" + System.nanoTime() + "@test.example", "displayName", "Fuzz Reg",
						"password", "Fuzz-reg-P@55word", "confirmPassword", "Fuzz-reg-P@55word"),
				List.of("email", "displayName", "password", "confirmPassword"), false);
		post(routes, Who.VISITOR, "/register/confirm", null, () -> Map.of("token", "not-a-token"), List.of("token"),
				false);
		post(routes, Who.VISITOR, "/password/forgot", null, () -> Map.of("email", "fuzz-nobody@test.example"),
				List.of("email"), false);
		post(routes, Who.VISITOR, "/password/reset", null, () -> Map.of("token", "not-a-token", "password",
				"Fuzz-new-P@55word", "confirmPassword", "Fuzz-new-P@55word"),
				List.of("token", "password", "confirmPassword"), false);
		post(routes, Who.VISITOR, "/login", null, () -> Map.of("username", "fuzz-nobody@test.example", "password", "x"),
				List.of("username", "password"), false);
		return routes;
	}

	/** Every parameter and path id of every route. */
	static List<Target> targets(List<Route> routes) {
		List<Target> targets = new ArrayList<>();
		for (Route route : routes) {
			if (route.id() != null) {
				targets.add(new Target(route, null));
			}
			route.parameters().forEach(parameter -> targets.add(new Target(route, parameter)));
		}
		return targets;
	}

	/** The POST routes (for malformed bodies). */
	static List<Route> posts(List<Route> routes) {
		return routes.stream().filter(r -> r.method().equals("POST")).toList();
	}

	private static void get(List<Route> routes, Who who, String path, String id, Map<String, String> base,
			List<String> parameters) {
		routes.add(new Route(who, "GET", path, id, () -> new LinkedHashMap<>(base), parameters, true));
	}

	private static void post(List<Route> routes, Who who, String path, String id, Supplier<Map<String, String>> base,
			List<String> parameters, boolean tellsRefusal) {
		routes.add(new Route(who, "POST", path, id, () -> new LinkedHashMap<>(base.get()), parameters, tellsRefusal));
	}

}
