package io.queuedesk.mail.inbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The mailbox of {@code queuedesk.mail-in.url}: {@code imap://} or
 * {@code imaps://user:password@host[:port]/FOLDER}. User and password are percent-decoded
 * (an address as user is written {@code support%40example.com}); the folder is the path
 * without its leading slash, {@code INBOX} when there is none.
 *
 * @param protocol {@code imap} or {@code imaps}
 * @param port the port, or -1 for the protocol's default (143, 993)
 */
record MailboxAddress(String protocol, String host, int port, String user, String password, String folder) {

	static final String DEFAULT_FOLDER = "INBOX";

	/**
	 * @throws IllegalArgumentException for anything else; its message never holds the
	 * password
	 */
	static MailboxAddress parse(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw invalid("not a URL");
		}
		String protocol = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!protocol.equals("imap") && !protocol.equals("imaps")) {
			throw invalid("the scheme must be imap or imaps");
		}
		if (uri.getHost() == null) {
			throw invalid("no host");
		}
		String userInfo = uri.getRawUserInfo();
		int colon = userInfo == null ? -1 : userInfo.indexOf(':');
		if (colon <= 0) {
			throw invalid("user and password are required (user:password@host)");
		}
		String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", "");
		String folder = path.isEmpty() ? DEFAULT_FOLDER : decode(path);
		return new MailboxAddress(protocol, uri.getHost(), uri.getPort(), decode(userInfo.substring(0, colon)),
				decode(userInfo.substring(colon + 1)), folder);
	}

	/**
	 * The mailbox as shown on /admin/mail and in the log: everything but the password.
	 */
	String shown() {
		return protocol + "://" + user + "@" + host + (port < 0 ? "" : ":" + port) + "/" + folder;
	}

	/**
	 * The text without the password (as written and percent-encoded), for the log and the
	 * status page: a server or a library may repeat what it was given.
	 */
	String withoutPassword(String text) {
		if (text == null || password.isEmpty()) {
			return text;
		}
		String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
		return text.replace(password, "[hidden]").replace(encoded, "[hidden]");
	}

	@Override
	public String toString() {
		return shown();
	}

	/** Percent-decoding of URL parts; a plus stays a plus (it is not a form). */
	private static String decode(String raw) {
		try {
			return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// Its message quotes the text, which may be the password.
			throw invalid("a malformed %-escape");
		}
	}

	private static IllegalArgumentException invalid(String why) {
		return new IllegalArgumentException(
				"queuedesk.mail-in.url (QUEUEDESK_MAIL_IN_URL) must be imap:// or imaps://user:password@host[:port]/FOLDER: "
						+ why);
	}

}
