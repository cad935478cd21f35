package io.queuedesk.ticket;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.queuedesk.system.HttpSessionClient;

/**
 * One signed-in browser session for race tests. Unlike {@link HttpSessionClient#post} it
 * fetches the CSRF token once, so that a POST is a single request and two sessions' POSTs
 * can leave at the same moment.
 */
final class RaceSession {

	/** How a request ended, as the user saw it. */
	enum Outcome {

		/** Saved: the page after the redirect says so. */
		DONE,
		/**
		 * Nothing saved, and the page says why (a flash, the stale edit form or the 409
		 * page).
		 */
		REFUSED,
		/**
		 * The ticket is gone (404), or was deleted before the page after the redirect was
		 * shown.
		 */
		GONE,
		/** A 5xx or an answer that says nothing. */
		FAILED

	}

	private final String base;

	private final HttpClient http;

	private final String csrf;

	final String email;

	RaceSession(int port, String email, String password) throws IOException, InterruptedException {
		this.base = "http://localhost:" + port;
		this.email = email;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String loginToken = HttpSessionClient.csrfToken(get("/login").body());
		HttpResponse<String> login = send("/login",
				"_csrf=" + encode(loginToken) + "&username=" + encode(email) + "&password=" + encode(password));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Sign-in of " + email + " failed");
		}
		// The token changes with the session at sign-in; this one stays valid for the
		// session.
		this.csrf = HttpSessionClient.csrfToken(get("/tickets/new").body());
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A form POST with {@code fields} (name, value, …); one request. */
	HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return send(path, form.toString());
	}

	/**
	 * Classifies an answer: a redirect is followed (in this session, so the flash shows)
	 * and the page's success or error message tells whether the change was saved.
	 */
	Outcome outcome(HttpResponse<String> response) throws IOException, InterruptedException {
		int status = response.statusCode();
		if (status == 404) {
			return Outcome.GONE;
		}
		if (status == 409 || status == 200 && response.body().contains("alert-danger")) {
			return Outcome.REFUSED;
		}
		if (status != 302) {
			return Outcome.FAILED;
		}
		String location = response.headers().firstValue("Location").orElseThrow();
		String path = URI.create(location).getRawPath();
		HttpResponse<String> page = get(path);
		if (page.statusCode() == 404) {
			return Outcome.GONE;
		}
		if (page.statusCode() == 200 && page.body().contains("alert alert-success")) {
			return Outcome.DONE;
		}
		if (page.statusCode() == 200 && page.body().contains("alert alert-danger")) {
			return Outcome.REFUSED;
		}
		return Outcome.FAILED;
	}

	private HttpResponse<String> send(String path, String form) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
