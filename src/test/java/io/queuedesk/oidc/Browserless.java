package io.queuedesk.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: one cookie jar (the app's session and CSRF cookies, the
 * provider's), redirects followed one by one so that a test sees every hop of the
 * authorization code flow.
 */
class Browserless {

	/**
	 * One answer, the URL it came from, its redirect if not followed, the URLs on the
	 * way.
	 */
	record Page(URI uri, int status, String body, String location, List<URI> hops) {

		/** The hidden field of the page's forms. */
		String csrfToken() {
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
			if (!token.find()) {
				throw new AssertionError("No CSRF token on " + uri);
			}
			return token.group(1);
		}

	}

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	private final String base;

	Browserless(int port) {
		cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.base = "http://localhost:" + port;
	}

	/** The value of the app's cookie of this name, if the jar has it. */
	String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	Page get(String pathOrUrl) throws IOException, InterruptedException {
		return follow(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
	}

	/**
	 * A form POST with the CSRF token, as the page's form sends it; its redirect not
	 * followed.
	 */
	Page post(String path, String csrfToken, String... namesAndValues) throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			form.append('&')
				.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return follow(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())), 0);
	}

	private Page follow(HttpRequest.Builder first) throws IOException, InterruptedException {
		return follow(first, 10);
	}

	/** Follows up to {@code maxHops} redirects (0: none). */
	Page follow(HttpRequest.Builder first, int maxHops) throws IOException, InterruptedException {
		List<URI> hops = new ArrayList<>();
		HttpRequest request = first.timeout(Duration.ofSeconds(20)).build();
		for (int hop = 0;; hop++) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			hops.add(request.uri());
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() / 100 != 3 || location == null || hop >= maxHops) {
				return new Page(request.uri(), response.statusCode(), response.body(), location, hops);
			}
			request = HttpRequest.newBuilder(request.uri().resolve(location))
				.timeout(Duration.ofSeconds(20))
				.GET()
				.build();
		}
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

}
