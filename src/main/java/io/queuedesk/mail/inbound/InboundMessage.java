package io.queuedesk.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;

import org.springframework.util.FileSystemUtils;

import io.queuedesk.attachment.Upload;

/**
 * A message that came in (SPEC §10), read from the raw message in a file: the headers the
 * processor decides by, the text it keeps, and its files. The file is read through a
 * {@link SharedFileInputStream}, so a large message is never held in memory; each
 * attachment is decoded into its own temporary file (deleted by {@link #close}), which
 * the attachment store reads as often as it needs.
 *
 * <p>
 * Which part is the text: in a {@code multipart/alternative}, the {@code text/plain}
 * alternative, else the last one (the richest: HTML, or HTML with its images in a
 * {@code multipart/related}), and the files of the other alternatives; HTML is turned
 * into text by {@link HtmlText}. Elsewhere, every inline text part without a file name
 * adds to the text, and every other part (images, documents, a forwarded
 * {@code message/rfc822}) is a file. Nesting deeper than {@value #MAX_DEPTH} levels or
 * more than {@value #MAX_PARTS} parts are not read.
 */
final class InboundMessage implements AutoCloseable {

	static final int MAX_DEPTH = 10;

	static final int MAX_PARTS = 100;

	/** Text read from one part, at most; the ticket or comment keeps far less. */
	static final int MAX_TEXT_CHARS = 200_000;

	/** The domain of Message-IDs made up for messages without a usable one. */
	static final String MADE_UP_DOMAIN = "queuedesk.invalid";

	private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");

	private final SharedFileInputStream stream;

	private final MimeMessage message;

	private final String messageId;

	private final StringBuilder plain = new StringBuilder();

	private final StringBuilder html = new StringBuilder();

	private final List<Upload> files = new ArrayList<>();

	private Path folder;

	private int parts;

	private InboundMessage(SharedFileInputStream stream, MimeMessage message, String messageId) {
		this.stream = stream;
		this.message = message;
		this.messageId = messageId;
	}

	/**
	 * Reads the message's headers; with {@code body}, also its text and files.
	 * @throws MessagingException for a message that cannot be parsed, or one without a
	 * {@code From} header (random bytes parse as a message without headers)
	 */
	static InboundMessage read(Path raw, boolean body) throws MessagingException, IOException {
		Properties properties = new Properties();
		// Names and parameters as mail clients write them, not only as RFC 2045 wants.
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.parameters.strict", "false");
		SharedFileInputStream in = new SharedFileInputStream(raw.toFile());
		InboundMessage message = null;
		try {
			MimeMessage mime = new MimeMessage(Session.getInstance(properties), in);
			if (mime.getHeader("From") == null) {
				// Every message has one (RFC 5322); without it, this is not mail but any
				// bytes, which the parser takes for a body without headers.
				throw new MessagingException("No From header: not a message");
			}
			message = new InboundMessage(in, mime, messageIdOf(mime, raw));
			if (body) {
				message.walk(mime, 0);
			}
			return message;
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			if (message != null) {
				message.close();
			}
			else {
				in.close();
			}
			throw ex;
		}
	}

	/**
	 * The Message-ID as received, or, for a message without a usable one, one made up
	 * from the SHA-256 of the raw message ({@code <hex@queuedesk.invalid>}), so that the
	 * same message sent twice is still processed once.
	 */
	String messageId() {
		return messageId;
	}

	/** The sender's address (the first {@code From}), in lower case; null if none. */
	String sender() {
		try {
			Address[] from = message.getFrom();
			if (from == null) {
				return null;
			}
			for (Address address : from) {
				if (address instanceof InternetAddress internet && internet.getAddress() != null
						&& internet.getAddress().contains("@")) {
					return internet.getAddress().strip().toLowerCase(Locale.ROOT);
				}
			}
			return null;
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	/** The decoded subject, or null. */
	String subject() {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return header("Subject");
		}
	}

	/** {@code In-Reply-To} and {@code References}, for threading; empty if neither. */
	String threadHeaders() {
		return String.join(" ", nonNull(header("In-Reply-To")), nonNull(header("References"))).strip();
	}

	/**
	 * The addresses the message was written to, in lower case: those the mail server
	 * delivered it to ({@code Delivered-To}, {@code X-Original-To}), or, when it wrote
	 * neither, {@code To} and {@code Cc}.
	 */
	List<String> recipients() {
		List<String> delivered = addressesIn(List.of("Delivered-To", "X-Original-To"));
		// The address the mail server delivered to is the one that was written to; To and
		// Cc may name other people's tagged addresses (jane+client-b@gmail.com).
		return delivered.isEmpty() ? addressesIn(List.of("To", "Cc")) : delivered;
	}

	private List<String> addressesIn(List<String> headerNames) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String name : headerNames) {
			String[] values = headers(name);
			for (String value : values) {
				try {
					for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
						if (address.getAddress() != null) {
							addresses.add(address.getAddress().strip().toLowerCase(Locale.ROOT));
						}
					}
				}
				catch (AddressException ex) {
					// an unreadable header names no recipient
				}
			}
		}
		return List.copyOf(addresses);
	}

	/**
	 * Whether this is automatic mail (SPEC §10): {@code Auto-Submitted} other than
	 * {@code no}, {@code Precedence} bulk, junk, list or auto_reply, the auto-responder
	 * headers {@code X-Autoreply}/{@code X-Autorespond}, a delivery report
	 * ({@code multipart/report}), an empty return path ({@code <>}, bounces), or a sender
	 * that is a mailer-daemon or postmaster.
	 */
	boolean automatic() {
		String autoSubmitted = header("Auto-Submitted");
		// RFC 3834: "no", possibly followed by parameters or a comment, is a person's
		// mail.
		if (autoSubmitted != null
				&& !autoSubmitted.strip().toLowerCase(Locale.ROOT).split("[\\s;(]", 2)[0].equals("no")) {
			return true;
		}
		String precedence = header("Precedence");
		if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return true;
		}
		if (header("X-Autoreply") != null || header("X-Autorespond") != null) {
			return true;
		}
		String returnPath = header("Return-Path");
		if (returnPath != null && (returnPath.isBlank() || returnPath.replaceAll("\\s", "").equals("<>"))) {
			return true;
		}
		try {
			if (message.isMimeType("multipart/report")) {
				return true;
			}
		}
		catch (MessagingException ex) {
			// not a report then
		}
		String sender = sender();
		if (sender != null) {
			String local = sender.substring(0, sender.indexOf('@'));
			return local.equals("mailer-daemon") || local.equals("postmaster");
		}
		return false;
	}

	/**
	 * The text of the message: its plain text, else its HTML turned into text; with line
	 * breaks as LF and no control characters but tab (not cut to any limit yet).
	 */
	String text() {
		String text = !plain.isEmpty() ? plain.toString() : HtmlText.toText(html.toString());
		return ReplyText.clean(text).strip();
	}

	/** The files of the message, each in its own temporary file until {@link #close}. */
	List<Upload> files() {
		return List.copyOf(files);
	}

	@Override
	public void close() {
		try {
			stream.close();
			if (folder != null) {
				FileSystemUtils.deleteRecursively(folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void walk(Part part, int depth) throws MessagingException, IOException {
		walk(part, depth, false);
	}

	/**
	 * Reads the part's text and files; with {@code filesOnly}, its files alone (an
	 * alternative not chosen for the text may still hold images, as Thunderbird's HTML
	 * alternative holds its inline images in a {@code multipart/related}).
	 */
	private void walk(Part part, int depth, boolean filesOnly) throws MessagingException, IOException {
		if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			if (!(part.getContent() instanceof Multipart multipart)) {
				return;
			}
			if (part.isMimeType("multipart/alternative")) {
				BodyPart chosen = alternative(multipart);
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart candidate = multipart.getBodyPart(i);
					walk(candidate, depth + 1, filesOnly || candidate != chosen);
				}
				return;
			}
			for (int i = 0; i < multipart.getCount(); i++) {
				walk(multipart.getBodyPart(i), depth + 1, filesOnly);
			}
			return;
		}
		boolean named = fileName(part) != null;
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
		boolean text = !named && !attached && (part.isMimeType("text/plain") || part.isMimeType("text/html"));
		if (text && filesOnly) {
			return;
		}
		if (text && part.isMimeType("text/plain")) {
			append(plain, readText(part));
		}
		else if (text) {
			append(html, readText(part));
		}
		else {
			keepFile(part);
		}
	}

	/** The {@code text/plain} alternative, else the last one; null for none. */
	private static BodyPart alternative(Multipart multipart) throws MessagingException {
		BodyPart last = null;
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart candidate = multipart.getBodyPart(i);
			if (candidate.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(disposition(candidate))) {
				return candidate;
			}
			last = candidate;
		}
		return last;
	}

	private static void append(StringBuilder text, String more) {
		if (!text.isEmpty() && !more.isBlank()) {
			text.append("\n\n");
		}
		text.append(more);
	}

	private void keepFile(Part part) throws MessagingException, IOException {
		if (folder == null) {
			folder = Files.createTempDirectory("queuedesk-mail-in");
		}
		Path file = folder.resolve("part-" + files.size());
		try (InputStream in = part.getInputStream()) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		String name = fileName(part);
		if (name == null || name.isBlank()) {
			name = "attachment-" + (files.size() + 1) + extensionOf(part);
		}
		files.add(new Upload(name, Files.size(file), () -> Files.newInputStream(file)));
	}

	/** A file extension for a part sent without a name. */
	private static String extensionOf(Part part) throws MessagingException {
		String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		return switch (type) {
			case "message/rfc822" -> ".eml";
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			case "image/gif" -> ".gif";
			case "image/webp" -> ".webp";
			case "text/plain" -> ".txt";
			case "text/html" -> ".html";
			case "application/pdf" -> ".pdf";
			default -> ".bin";
		};
	}

	/** The text of a part in its charset (UTF-8 if unknown), at most MAX_TEXT_CHARS. */
	private static String readText(Part part) throws MessagingException, IOException {
		Charset charset = charsetOf(part);
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_TEXT_CHARS * 4);
			String text = new String(bytes, charset);
			text = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
			ContentType type = contentTypeOf(part);
			if (type != null && "flowed".equalsIgnoreCase(type.getParameter("format"))) {
				return FlowedText.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
			}
			return text;
		}
	}

	private static ContentType contentTypeOf(Part part) {
		try {
			return new ContentType(part.getContentType());
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static Charset charsetOf(Part part) {
		try {
			String name = new ContentType(part.getContentType()).getParameter("charset");
			if (name != null && !name.isBlank()) {
				return Charset.forName(MimeUtility.javaCharset(name.strip()));
			}
		}
		catch (MessagingException | IllegalArgumentException ex) {
			// an unknown charset: read as UTF-8
		}
		return StandardCharsets.UTF_8;
	}

	private static String fileName(Part part) {
		try {
			String name = part.getFileName();
			return name == null ? null : MimeUtility.decodeText(name);
		}
		catch (MessagingException | IOException ex) {
			return null;
		}
	}

	private static String disposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private String header(String name) {
		String[] values = headers(name);
		return values.length == 0 ? null : values[0];
	}

	private String[] headers(String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? new String[0] : values;
		}
		catch (MessagingException ex) {
			return new String[0];
		}
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

	private static String messageIdOf(MimeMessage mime, Path raw) throws MessagingException, IOException {
		String[] values = mime.getHeader("Message-ID");
		if (values != null && values.length == 1) {
			String id = values[0].strip();
			// Printable ASCII, as RFC 5322 has it (and as MariaDB's index on it needs).
			if (!id.isEmpty() && id.length() <= InboundMailLog.MESSAGE_ID_LENGTH
					&& id.chars().allMatch(c -> c > ' ' && c < 127)) {
				return id;
			}
		}
		return "<" + sha256(raw) + "@" + MADE_UP_DOMAIN + ">";
	}

	/** The SHA-256 of the file, in hex. */
	static String sha256(Path raw) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(raw),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
