package io.queuedesk.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.system.NotFoundException;

/**
 * {@code POST /api/inbound-mail} (SPEC §10): a mail server or an inbound-mail service
 * posts one raw message ({@code Content-Type: message/rfc822}) with
 * {@code Authorization: Bearer <QUEUEDESK_MAIL_IN_TOKEN>}. Answers 202 with
 * {@code {"ticket": id, "comment": id-or-null}}, 200 with the same body for a message
 * processed before, 401 for a missing or wrong token, 404 when no token is configured,
 * 415 for another content type, 422 with the reason for a refused message, 503 when the
 * database is down (nothing was recorded: post it again). Stateless: no session and no
 * CSRF token ({@link InboundMailSecurity}).
 */
@RestController
class InboundMailController {

	static final String PATH = "/api/inbound-mail";

	private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

	private final InboundMailProcessor processor;

	private final MailInSettings settings;

	private final MessageSource messages;

	InboundMailController(InboundMailProcessor processor, MailInSettings settings, MessageSource messages) {
		this.processor = processor;
		this.settings = settings;
		this.messages = messages;
	}

	@PostMapping(PATH)
	ResponseEntity<Map<String, Object>> receive(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		if (!settings.endpointEnabled()) {
			throw new NotFoundException("Inbound mail endpoint", 0);
		}
		if (!tokenMatches(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.body(Map.of("error", "A valid bearer token is required"));
		}
		if (!isRfc822(request.getContentType())) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.body(Map.of("error", "Content-Type must be message/rfc822"));
		}
		Path raw = Files.createTempFile("queuedesk-inbound", ".eml");
		try {
			boolean truncated = copy(request.getInputStream(), raw, settings.maxMessageBytes().toBytes());
			InboundResult result = processor.process(raw, InboundSource.API, truncated);
			return answer(result);
		}
		finally {
			Files.deleteIfExists(raw);
		}
	}

	private ResponseEntity<Map<String, Object>> answer(InboundResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (result.isAccepted()) {
			body.put("ticket", result.ticketId());
			body.put("comment", result.commentId());
			return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
		}
		body.put("reason", result.reason() == null ? null : result.reason().name());
		body.put("message", result.reason() == null ? null : messages
			.getMessage("inbound.reason." + result.reason().name(), null, LocaleContextHolder.getLocale()));
		return ResponseEntity.unprocessableContent().body(body);
	}

	/**
	 * Copies at most {@code max} bytes of the body; true when there was more (the file
	 * then holds the first {@code max} bytes, enough for the headers).
	 */
	private static boolean copy(InputStream in, Path file, long max) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (total + n > max) {
					out.write(buffer, 0, (int) (max - total));
					return true;
				}
				out.write(buffer, 0, n);
				total += n;
			}
		}
		return false;
	}

	/**
	 * Compared as SHA-256 digests in constant time, so timing tells nothing of the token.
	 */
	private boolean tokenMatches(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return MessageDigest.isEqual(sha256(authorization.substring(7).strip()), sha256(settings.token().strip()));
	}

	private static boolean isRfc822(String contentType) {
		try {
			return contentType != null && RFC822.isCompatibleWith(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
