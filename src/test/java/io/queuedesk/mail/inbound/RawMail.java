package io.queuedesk.mail.inbound;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

/**
 * Raw messages for the mail-in tests: the fixtures under {@code messages/} (real-looking
 * Gmail, Outlook, Apple Mail and Thunderbird layouts with {@code {{name}}} placeholders)
 * and simple text messages built here, with CRLF line ends as they travel by SMTP.
 */
final class RawMail {

	/** A small real PNG (content detection must see an image). */
	static final byte[] PNG = png();

	/** Enough of a PDF for content detection. */
	static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
			+ "trailer << /Root 1 0 R >>\n%%EOF\n")
		.getBytes(StandardCharsets.ISO_8859_1);

	private final String template;

	private final Map<String, String> values = new LinkedHashMap<>();

	private RawMail(String template) {
		this.template = template;
		values.put("messageId", newMessageId());
		values.put("to", "support@desk.example.test");
		values.put("threading", "");
		values.put("png", base64(PNG));
		values.put("pngSize", String.valueOf(PNG.length));
		values.put("pdf", base64(PDF));
		values.put("pdfSize", String.valueOf(PDF.length));
	}

	/** A fixture from {@code messages/<name>.eml}. */
	static RawMail fixture(String name) {
		try (InputStream in = RawMail.class.getResourceAsStream("messages/" + name + ".eml")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new RawMail(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A plain text message; {@code headers} are extra header lines ("Name: value"). */
	static RawMail text(String from, String subject, String body, String... headers) {
		StringBuilder raw = new StringBuilder();
		if (Arrays.stream(headers).noneMatch(header -> header.startsWith("Return-Path:"))) {
			raw.append("Return-Path: <{{from}}>\n");
		}
		for (String header : headers) {
			raw.append(header).append('\n');
		}
		raw.append("""
				From: {{from}}
				To: {{to}}
				Subject: {{subject}}
				Date: Mon, 30 Nov 2026 12:00:00 +0100
				Message-ID: {{messageId}}
				{{threading}}MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8
				Content-Transfer-Encoding: 8bit

				""").append(body).append('\n');
		return new RawMail(raw.toString()).from(from).subject(subject);
	}

	/** A text message with files ({@code file-1.bin}, …, as application/octet-stream). */
	static RawMail withFiles(String from, String subject, String body, byte[]... files) {
		StringBuilder raw = new StringBuilder("""
				Return-Path: <{{from}}>
				From: {{from}}
				To: {{to}}
				Subject: {{subject}}
				Date: Mon, 30 Nov 2026 12:00:00 +0100
				Message-ID: {{messageId}}
				{{threading}}MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="=_files"

				--=_files
				Content-Type: text/plain; charset=UTF-8

				""").append(body).append('\n');
		for (int i = 0; i < files.length; i++) {
			raw.append("--=_files\nContent-Type: application/octet-stream\n")
				.append("Content-Disposition: attachment; filename=\"file-")
				.append(i + 1)
				.append(".bin\"\nContent-Transfer-Encoding: base64\n\n")
				.append(base64(files[i]))
				.append('\n');
		}
		raw.append("--=_files--\n");
		return new RawMail(raw.toString()).from(from).subject(subject);
	}

	static String newMessageId() {
		return "<" + UUID.randomUUID() + "@mail.example.com>";
	}

	RawMail from(String from) {
		return with("from", from);
	}

	RawMail to(String to) {
		return with("to", to);
	}

	RawMail subject(String subject) {
		return with("subject", subject);
	}

	RawMail messageId(String messageId) {
		return with("messageId", messageId);
	}

	/** In-Reply-To and References. */
	RawMail inReplyTo(String inReplyTo, String references) {
		with("inReplyTo", inReplyTo).with("references", references);
		return with("threading", "In-Reply-To: " + inReplyTo + "\nReferences: " + references + "\n");
	}

	RawMail with(String name, String value) {
		values.put(name, value);
		return this;
	}

	String messageId() {
		return values.get("messageId");
	}

	/** The message, placeholders filled, lines ended with CRLF. */
	byte[] bytes() {
		String raw = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			raw = raw.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		if (raw.contains("{{")) {
			throw new IllegalStateException("Unfilled placeholder in " + raw);
		}
		// Fixtures without Message-ID: a blank line where it was would end the headers.
		raw = raw.replace("Message-ID: \n", "").replace("Message-Id: \n", "");
		return raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static String base64(byte[] bytes) {
		return Base64.getMimeEncoder().encodeToString(bytes);
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xff0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
