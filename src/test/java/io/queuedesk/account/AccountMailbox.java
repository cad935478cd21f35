package io.queuedesk.account;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail SMTP server on a free port for the account-flow tests, and readers for what
 * arrived: the decoded plain-text part and the token of a link in it.
 */
final class AccountMailbox {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

	final int port = freePort();

	private final GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	AccountMailbox start() {
		greenMail.start();
		return this;
	}

	void stop() {
		greenMail.stop();
	}

	List<MimeMessage> to(String recipient) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter(mail -> recipient.equals(recipient(mail)))
			.toList();
	}

	/** The token of the link to {@code path} in the text part of the mail. */
	static String token(MimeMessage mail, String path) {
		Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?" + TOKEN.pattern()).matcher(text(mail));
		if (!matcher.find()) {
			throw new AssertionError("No link to " + path + " in:\n" + text(mail));
		}
		return matcher.group(1);
	}

	/** The decoded plain-text part. */
	static String text(MimeMessage mail) {
		try {
			return text((Part) mail);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String text = text(child);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
