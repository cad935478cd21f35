package io.queuedesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * An HTTP/1.1 client over a plain socket, for requests that java.net.http will not send:
 * any Host header, bad percent-encoding, NUL bytes, a multipart body without boundary.
 * Keeps the cookies it is given (session and CSRF), one connection per request, never
 * follows redirects.
 */
public final class RawHttp {

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public RawHttp(int port) {
		this.port = port;
	}

	/** A response: status, headers by lower-case name, body as UTF-8 (de-chunked). */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public Optional<String> header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
		}

		public boolean isRedirect() {
			return status >= 300 && status < 400;
		}

		@Override
		public String toString() {
			return status + " " + header("Location").orElse("") + " " + body.substring(0, Math.min(200, body.length()));
		}

	}

	public Response get(String target) throws IOException {
		return send("GET", target, Map.of("Accept", "text/html"), null);
	}

	/**
	 * A form post as a browser sends it; the CSRF token is added from {@code token} when
	 * given.
	 */
	public Response post(String target, String token, Map<String, String> fields) throws IOException {
		StringJoiner body = new StringJoiner("&");
		if (token != null) {
			body.add("_csrf=" + encode(token));
		}
		fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
		return send("POST", target, Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
				body.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The CSRF token of the form on the page at {@code target}. */
	public String token(String target) throws IOException {
		return HttpSessionClient.csrfToken(get(target).body());
	}

	/** Signs in through the login form; fails when the credentials are refused. */
	public RawHttp signIn(String email, String password) throws IOException {
		Response login = post("/login", token("/login"), Map.of("username", email, "password", password));
		if (!login.isRedirect() || login.header("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Sign-in of " + email + " failed: " + login);
		}
		return this;
	}

	/**
	 * Sends the request as given: {@code target} is written to the request line
	 * unchanged, the headers as they are (a Host header given replaces the default one),
	 * then the body.
	 */
	public Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
				head.append("Host: localhost:").append(port).append("\r\n");
			}
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (!cookies.isEmpty()) {
				StringJoiner cookie = new StringJoiner("; ");
				cookies.forEach((name, value) -> cookie.add(name + "=" + value));
				head.append("Cookie: ").append(cookie).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException refused) {
				// The server answered before reading everything (a request head over
				// Tomcat's
				// 8 KB, say) and closed: its answer is what counts.
				return read(socket.getInputStream());
			}
			return read(socket.getInputStream());
		}
	}

	private Response read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IOException("No complete response head: " + new String(all, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers
				.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String value = pair.substring(eq + 1);
			if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(pair.substring(0, eq));
			}
			else {
				cookies.put(pair.substring(0, eq), value);
			}
		}
		byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
		if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		return indexOf(data, pattern, 0);
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
