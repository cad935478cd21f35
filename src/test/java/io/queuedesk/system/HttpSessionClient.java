package io.queuedesk.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client for tests against the real server (not a browser: no JavaScript, no
 * rendering; the Selenium tests are in the {@code browser} package): keeps the session in
 * a cookie jar, fetches and sends the CSRF token of a form, never follows redirects.
 */
public class HttpSessionClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public HttpSessionClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * A GET with the given Accept header, or none when {@code accept} is null (as wrk
	 * sends).
	 */
	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (accept != null) {
			request.header("Accept", accept);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	/**
	 * Opens the login page, then posts the form with the token it carries; returns the
	 * POST's response.
	 */
	public HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
		return signIn(email, password, "*/*");
	}

	/**
	 * Signs in as a browser that asks for the given media types (error pages depend on
	 * them).
	 */
	public HttpResponse<String> signIn(String email, String password, String accept)
			throws IOException, InterruptedException {
		return submit("/login", "/login", accept, "username", email, "password", password);
	}

	/** The servlet session cookie (Tomcat's JSESSIONID, or Spring Session's SESSION). */
	public Optional<HttpCookie> sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID") || c.getName().equals("SESSION"))
			.findFirst();
	}

	/**
	 * Submits a form as the browser would: takes the CSRF token from the page at
	 * {@code pagePath}, then posts {@code fields} (name, value, name, value, …) to
	 * {@code actionPath}.
	 */
	public HttpResponse<String> post(String pagePath, String actionPath, String... fields)
			throws IOException, InterruptedException {
		return submit(pagePath, actionPath, "*/*", fields);
	}

	/** The CSRF token that a page's form carries. */
	public static String csrfToken(String html) {
		Matcher token = CSRF.matcher(html);
		if (!token.find()) {
			throw new IllegalStateException("The page has no CSRF token");
		}
		return token.group(1);
	}

	/**
	 * The HTTP client with this browser's cookies, for requests a real browser would not
	 * make.
	 */
	HttpClient http() {
		return http;
	}

	/**
	 * Submits the form of a page already fetched ({@code html}), for tests where fetching
	 * the page a second time might meet another state of the app.
	 */
	public HttpResponse<String> postFrom(String html, String actionPath, String... fields)
			throws IOException, InterruptedException {
		return send(csrfToken(html), actionPath, "*/*", fields);
	}

	private HttpResponse<String> submit(String pagePath, String actionPath, String accept, String... fields)
			throws IOException, InterruptedException {
		return send(csrfToken(get(pagePath).body()), actionPath, accept, fields);
	}

	private HttpResponse<String> send(String csrf, String actionPath, String accept, String... fields)
			throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return http.send(HttpRequest.newBuilder(URI.create(base + actionPath))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
