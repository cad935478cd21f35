package io.queuedesk.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.queuedesk.ticket.TicketStatus;

/**
 * One signed-in user (a session of its own, so flash messages do not cross) sending
 * writes of docs/RULES.md#pages-and-routes over HTTP, one after the other, on tickets it
 * created itself: create, comment, workflow step, queue move, delete. A write counts as
 * acknowledged only when the answer is the one a user takes as "saved": the redirect to
 * the new ticket, to the new comment, to the list after a delete, or, for steps and moves
 * (whose failures redirect to the ticket too), the page after the redirect showing the
 * success message. Writes sent without an answer are kept as "attempted": they may or may
 * not have been committed when the application died.
 */
final class CrashWorkload implements Runnable {

	enum Kind {

		CREATED("TICKET_CREATED"), COMMENTED("COMMENT_ADDED"), TRANSITIONED("STATUS_CHANGED"), MOVED("TICKET_MOVED"),
		DELETED("TICKET_DELETED");

		final String activity;

		Kind(String activity) {
			this.activity = activity;
		}

	}

	/** A write: its kind, the ticket and, for a comment, the comment's id. */
	record Write(Kind kind, long ticket, long comment) {
	}

	private static final Pattern TICKET = Pattern.compile("/tickets/(\\d+)$");

	private static final Pattern COMMENT = Pattern.compile("/tickets/(\\d+)#comment-(\\d+)$");

	private final HttpSessionClient browser;

	private final HttpClient http;

	private final String base;

	private final long[] clients;

	private final long area;

	private final String name;

	private final Queue<Write> acknowledged;

	private final Queue<Write> attempted;

	private final Map<Long, TicketStatus> mine = new LinkedHashMap<>();

	private String csrf;

	private volatile boolean stopped;

	CrashWorkload(int port, String name, long[] clients, long area, Queue<Write> acknowledged, Queue<Write> attempted) {
		this.browser = new HttpSessionClient(port);
		this.http = browser.http();
		this.base = "http://localhost:" + port;
		this.name = name;
		this.clients = clients;
		this.area = area;
		this.acknowledged = acknowledged;
		this.attempted = attempted;
	}

	/**
	 * Signs in and takes the CSRF token that every later form of this session carries.
	 */
	void signIn(String email, String password) throws Exception {
		HttpResponse<String> login = browser.signIn(email, password);
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + login.statusCode() + " " + login.headers().map());
		}
		csrf = HttpSessionClient.csrfToken(browser.get("/account/password").body());
	}

	void stop() {
		stopped = true;
	}

	@Override
	public void run() {
		int n = 0;
		try {
			while (!stopped) {
				step(n++);
			}
		}
		catch (IOException | InterruptedException killed) {
			// the application is gone: the write in flight has no answer
		}
	}

	private void step(int n) throws IOException, InterruptedException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int choice = mine.size() < 3 ? 0 : random.nextInt(10);
		if (choice <= 2) {
			create(n, random);
			return;
		}
		List<Long> ids = new ArrayList<>(mine.keySet());
		long ticket = ids.get(random.nextInt(ids.size()));
		if (choice <= 4) {
			comment(ticket, n);
		}
		else if (choice <= 6) {
			transition(ticket);
		}
		else if (choice <= 8 && mine.get(ticket) != TicketStatus.COMPLETED) {
			move(ticket, random.nextBoolean() ? "top" : "bottom");
		}
		else {
			delete(ticket);
		}
	}

	private void create(int n, ThreadLocalRandom random) throws IOException, InterruptedException {
		attempted.add(new Write(Kind.CREATED, 0, 0));
		HttpResponse<String> answer = post("/tickets/new", "title", name + " ticket " + n, "description",
				"Written just before a crash", "clientId", String.valueOf(clients[random.nextInt(clients.length)]),
				"productAreaId", String.valueOf(area), "topOfQueue", String.valueOf(random.nextBoolean()));
		Matcher created = TICKET.matcher(location(answer));
		if (answer.statusCode() == 302 && created.find()) {
			long id = Long.parseLong(created.group(1));
			acknowledged.add(new Write(Kind.CREATED, id, 0));
			mine.put(id, TicketStatus.OPEN);
			follow(answer);
		}
	}

	private void comment(long ticket, int n) throws IOException, InterruptedException {
		attempted.add(new Write(Kind.COMMENTED, ticket, 0));
		HttpResponse<String> answer = post("/tickets/" + ticket + "/comments", "body", name + " comment " + n);
		Matcher added = COMMENT.matcher(location(answer));
		if (answer.statusCode() == 302 && added.find()) {
			acknowledged.add(new Write(Kind.COMMENTED, ticket, Long.parseLong(added.group(2))));
			follow(answer);
		}
	}

	private void transition(long ticket) throws IOException, InterruptedException {
		TicketStatus target = mine.get(ticket).next().iterator().next();
		attempted.add(new Write(Kind.TRANSITIONED, ticket, 0));
		HttpResponse<String> answer = post("/tickets/" + ticket + "/transition", "to", target.name());
		if (confirmed(answer, "Ticket #" + ticket + " is now")) {
			acknowledged.add(new Write(Kind.TRANSITIONED, ticket, 0));
			mine.put(ticket, target);
		}
	}

	private void move(long ticket, String to) throws IOException, InterruptedException {
		attempted.add(new Write(Kind.MOVED, ticket, 0));
		HttpResponse<String> answer = post("/tickets/" + ticket + "/move", "to", to);
		if (confirmed(answer, "Ticket #" + ticket + " moved from")) {
			acknowledged.add(new Write(Kind.MOVED, ticket, 0));
		}
	}

	private void delete(long ticket) throws IOException, InterruptedException {
		attempted.add(new Write(Kind.DELETED, ticket, 0));
		mine.remove(ticket);
		HttpResponse<String> answer = post("/tickets/" + ticket + "/delete");
		if (answer.statusCode() == 302 && location(answer).endsWith("/tickets")) {
			acknowledged.add(new Write(Kind.DELETED, ticket, 0));
		}
	}

	/** The redirect's target page shows the success message of this write. */
	private boolean confirmed(HttpResponse<String> answer, String message) throws IOException, InterruptedException {
		if (answer.statusCode() != 302) {
			return false;
		}
		return follow(answer).contains(message);
	}

	/**
	 * Opens the page the redirect leads to, as a browser would; that also takes the
	 * write's flash message, which would otherwise show on the next visit of the ticket
	 * instead of the next write's.
	 */
	private String follow(HttpResponse<String> answer) throws IOException, InterruptedException {
		return browser.get(URI.create(location(answer)).getPath()).body();
	}

	private HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<String> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
