package io.queuedesk.ticket.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.queuedesk.system.RawHttp;

/**
 * The attachment limits through the real servlet container (Tomcat parses the multipart
 * bodies and enforces its own bounds, which MockMvc never does), with small limits so
 * that the bodies stay small: 64 KB per file, 3 files. The container's bounds follow from
 * them (attachment/MultipartLimits): 64 KB + 1 MiB per file, 3 × that + 1 MiB per
 * request. On each of the three routes that take files: exactly the limit is stored, one
 * byte or one file over it is refused with the message next to the file field and nothing
 * stored; an upload over the container's bounds goes back to its form with
 * {@code ?upload=too-large} and the page says why; an empty file input is no file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "queuedesk.attachments.max-bytes=64KB", "queuedesk.attachments.max-files=3" })
class UploadLimitsTest {

	static final int MAX_BYTES = 64 * 1024;

	static final int MAX_FILES = 3;

	/** Per file: max-bytes + 1 MiB (MultipartLimits.SLACK). */
	static final long CONTAINER_FILE_BOUND = MAX_BYTES + 1024 * 1024;

	static final long CONTAINER_REQUEST_BOUND = CONTAINER_FILE_BOUND * MAX_FILES + 1024 * 1024;

	static final String TOO_LARGE = " is larger than 64 KB, the most a file may have. Nothing was saved.";

	static final String TOO_MANY = "At most 3 files can be uploaded at once. Nothing was saved.";

	static final String ALERT = "id=\"upload-too-large\"";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	RawHttp admin;

	@BeforeEach
	void signIn() throws IOException {
		admin = new RawHttp(port).signIn("admin@example.com", "adminP@55word");
	}

	// --- exact size limit --------------------------------------------------------------

	@Test
	void aNewTicketTakesAFileOfExactlyTheLimitAndRefusesOneByteMore() throws IOException {
		String title = unique("limit-new");
		RawHttp.Response created = post("/tickets/new", "/tickets/new", ticketFields(title, "Exactly the limit"),
				List.of(file("exact.bin", MAX_BYTES)));
		long id = createdId(created);
		assertThat(files(id)).isEqualTo(1);
		assertThat(
				jdbc.sql("select size_bytes from attachments where ticket_id = ?").param(id).query(Long.class).single())
			.isEqualTo(MAX_BYTES);
		assertThat(chunkBytes(id)).isEqualTo(MAX_BYTES);

		long attachments = allAttachments();
		long chunks = allChunks();
		String refusedTitle = unique("limit-new-over");
		RawHttp.Response refused = post("/tickets/new", "/tickets/new",
				ticketFields(refusedTitle, "Kept description " + refusedTitle),
				List.of(file("over.bin", MAX_BYTES + 1)));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		assertFieldError(refused.body(), "files", "over.bin" + TOO_LARGE);
		assertThat(refused.body()).contains("value=\"" + refusedTitle + "\"")
			.contains("Kept description " + refusedTitle);
		assertThat(tickets(refusedTitle)).isZero();
		assertThat(allAttachments()).isEqualTo(attachments);
		assertThat(allChunks()).isEqualTo(chunks);
	}

	@Test
	void aCommentTakesAFileOfExactlyTheLimitAndRefusesOneByteMore() throws IOException {
		long ticket = newTicket();
		String page = "/tickets/" + ticket;
		String body = unique("limit-comment");
		RawHttp.Response added = post(page, page + "/comments", Map.of("body", body),
				List.of(file("exact.bin", MAX_BYTES)));
		assertThat(added.status()).as(added.toString()).isEqualTo(302);
		assertThat(added.header("Location")).get().asString().startsWith(page + "#comment-");
		assertThat(comments(ticket, body)).isOne();
		assertThat(files(ticket)).isOne();
		assertThat(chunkBytes(ticket)).isEqualTo(MAX_BYTES);

		String refusedBody = unique("limit-comment-over");
		RawHttp.Response refused = post(page, page + "/comments", Map.of("body", refusedBody),
				List.of(file("over.bin", MAX_BYTES + 1)));

		String shown = assertRefusedOnTicketPage(refused, ticket, "comment-files", "over.bin" + TOO_LARGE);
		assertThat(shown).as("the comment as typed is kept").contains(">" + refusedBody + "</textarea>");
		assertThat(admin.get(page).body()).doesNotContain(ALERT);
		assertThat(comments(ticket, refusedBody)).isZero();
		assertThat(files(ticket)).isOne();
		assertThat(chunkBytes(ticket)).isEqualTo(MAX_BYTES);
	}

	@Test
	void theFilesSectionTakesAFileOfExactlyTheLimitAndRefusesOneByteMore() throws IOException {
		long ticket = newTicket();
		String page = "/tickets/" + ticket;
		RawHttp.Response added = post(page, page + "/attachments", Map.of(), List.of(file("exact.bin", MAX_BYTES)));
		assertThat(added.status()).as(added.toString()).isEqualTo(302);
		assertThat(added.header("Location")).contains(page + "#files");
		assertThat(files(ticket)).isOne();

		RawHttp.Response refused = post(page, page + "/attachments", Map.of(),
				List.of(file("small.bin", 10), file("over.bin", MAX_BYTES + 1)));

		assertRefusedOnTicketPage(refused, ticket, "ticket-files", "over.bin" + TOO_LARGE);
		assertThat(files(ticket)).isOne();
		assertThat(chunkBytes(ticket)).isEqualTo(MAX_BYTES);
	}

	// --- number of files ---------------------------------------------------------------

	@Test
	void eachRouteTakesMaxFilesAndRefusesOneMore() throws IOException {
		String title = unique("files-new");
		long created = createdId(
				post("/tickets/new", "/tickets/new", ticketFields(title, "Three files"), files(MAX_FILES)));
		assertThat(files(created)).isEqualTo(MAX_FILES);

		long attachments = allAttachments();
		long chunks = allChunks();
		String refusedTitle = unique("files-new-over");
		RawHttp.Response refusedNew = post("/tickets/new", "/tickets/new", ticketFields(refusedTitle, "Four files"),
				files(MAX_FILES + 1));
		assertThat(refusedNew.status()).as(refusedNew.toString()).isEqualTo(200);
		assertFieldError(refusedNew.body(), "files", TOO_MANY);
		assertThat(refusedNew.body()).contains("value=\"" + refusedTitle + "\"");
		assertThat(tickets(refusedTitle)).isZero();
		assertThat(allAttachments()).isEqualTo(attachments);
		assertThat(allChunks()).isEqualTo(chunks);

		long ticket = newTicket();
		String page = "/tickets/" + ticket;
		String body = unique("files-comment");
		assertThat(post(page, page + "/comments", Map.of("body", body), files(MAX_FILES)).status()).isEqualTo(302);
		assertThat(files(ticket)).isEqualTo(MAX_FILES);
		assertThat(post(page, page + "/attachments", Map.of(), files(MAX_FILES)).status()).isEqualTo(302);
		assertThat(files(ticket)).isEqualTo(2 * MAX_FILES);

		String refusedBody = unique("files-comment-over");
		assertRefusedOnTicketPage(post(page, page + "/comments", Map.of("body", refusedBody), files(MAX_FILES + 1)),
				ticket, "comment-files", TOO_MANY);
		assertThat(comments(ticket, refusedBody)).isZero();
		assertRefusedOnTicketPage(post(page, page + "/attachments", Map.of(), files(MAX_FILES + 1)), ticket,
				"ticket-files", TOO_MANY);
		assertThat(files(ticket)).isEqualTo(2 * MAX_FILES);
		assertThat(chunkBytes(ticket)).isEqualTo(2L * MAX_FILES * 100);
	}

	// --- over the container's bounds ---------------------------------------------------

	@Test
	void anUploadOverTheContainersBoundGoesBackToItsFormWithTheMessage() throws IOException {
		long ticket = newTicket();
		String page = "/tickets/" + ticket;
		long attachments = allAttachments();
		long chunks = allChunks();
		List<Part> huge = List.of(file("huge.bin", (int) CONTAINER_FILE_BOUND + 1024));

		String title = unique("huge-new");
		assertTooLarge(post("/tickets/new", "/tickets/new", ticketFields(title, "Huge"), huge), "/tickets/new");
		assertThat(tickets(title)).isZero();

		String body = unique("huge-comment");
		assertTooLarge(post(page, page + "/comments", Map.of("body", body), huge), page, "#comment-form");
		assertThat(comments(ticket, body)).isZero();

		assertTooLarge(post(page, page + "/attachments", Map.of(), huge), page, "#files");

		// Three files each under the container's per-file bound, together over its
		// request bound (the fourth is counted only after the bytes).
		List<Part> many = new ArrayList<>();
		for (int i = 0; i < MAX_FILES + 1; i++) {
			many.add(file("big-" + i + ".bin", (int) CONTAINER_FILE_BOUND - 1024));
		}
		assertTooLarge(post(page, page + "/attachments", Map.of(), many), page, "#files");

		assertThat(files(ticket)).isZero();
		assertThat(allAttachments()).isEqualTo(attachments);
		assertThat(allChunks()).isEqualTo(chunks);
	}

	@Test
	void anUploadOverTheBoundToAnotherPathIs413() throws IOException {
		long ticket = newTicket();
		String page = "/tickets/" + ticket;
		RawHttp.Response response = post(page, page + "/edit", Map.of("title", "x"),
				List.of(file("huge.bin", (int) CONTAINER_FILE_BOUND + 1024)));
		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.header("Location")).isEmpty();
	}

	@Test
	void aContentLengthOverTheRequestBoundIsAnsweredBeforeTheBodyIsSent() throws IOException {
		long ticket = newTicket();
		long declared = CONTAINER_REQUEST_BOUND + 1;
		assertThat(headOnly("/tickets/new", declared)).contains(" 303 ")
			.contains("Location: /tickets/new?upload=too-large");
		assertThat(headOnly("/tickets/" + ticket + "/comments", declared))
			.contains("Location: /tickets/" + ticket + "?upload=too-large#comment-form");
		assertThat(headOnly("/tickets/" + ticket + "/attachments", declared))
			.contains("Location: /tickets/" + ticket + "?upload=too-large#files");
		assertThat(headOnly("/tickets/" + ticket + "/edit", declared)).contains(" 413 ");
		assertThat(files(ticket)).isZero();
	}

	// --- no file chosen ----------------------------------------------------------------

	@Test
	void anEmptyFileInputIsNoFile() throws IOException {
		String title = unique("no-file");
		long attachments = allAttachments();
		long ticket = createdId(post("/tickets/new", "/tickets/new", ticketFields(title, "No file chosen"),
				List.of(Part.emptyFileInput())));
		assertThat(tickets(title)).isOne();
		assertThat(files(ticket)).isZero();
		assertThat(allAttachments()).isEqualTo(attachments);

		String page = "/tickets/" + ticket;
		assertRefusedOnTicketPage(post(page, page + "/attachments", Map.of(), List.of(Part.emptyFileInput())), ticket,
				"ticket-files", "Choose at least one file to upload.");
		assertThat(files(ticket)).isZero();
	}

	// --- helpers -----------------------------------------------------------------------

	/** A part of a multipart body: a field (no file name) or a file. */
	record Part(String name, String fileName, byte[] content) {

		static Part field(String name, String value) {
			return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
		}

		/** What a browser sends for a file input left empty. */
		static Part emptyFileInput() {
			return new Part("files", "", new byte[0]);
		}

	}

	static Part file(String name, int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		return new Part("files", name, content);
	}

	static List<Part> files(int count) {
		List<Part> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			files.add(file("file-" + i + ".bin", 100));
		}
		return files;
	}

	/**
	 * A multipart form as the browser sends it from the form on {@code page}: the CSRF
	 * token first, then the fields, then the files.
	 */
	RawHttp.Response post(String page, String action, Map<String, String> fields, List<Part> files) throws IOException {
		List<Part> parts = new ArrayList<>();
		parts.add(Part.field("_csrf", admin.token(page)));
		fields.forEach((name, value) -> parts.add(Part.field(name, value)));
		parts.addAll(files);
		String boundary = "----QueuedeskTest" + UUID.randomUUID().toString().replace("-", "");
		return admin.send("POST", action,
				Map.of("Accept", "text/html", "Content-Type", "multipart/form-data; boundary=" + boundary),
				multipart(boundary, parts));
	}

	static byte[] multipart(String boundary, List<Part> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--").append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(part.name())
				.append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"")
					.append(part.fileName())
					.append("\"\r\nContent-Type: application/octet-stream");
			}
			head.append("\r\n\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			out.writeBytes(part.content());
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/**
	 * Sends only the head of a multipart POST that declares {@code contentLength} bytes,
	 * and reads the answer's head: the container must answer from the header alone.
	 */
	String headOnly(String target, long contentLength) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + target + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: "
					+ contentLength + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				head.write(b);
			}
			return head.toString(StandardCharsets.ISO_8859_1);
		}
	}

	/** A 303 to {@code form} with the mark and anchor, and that page shows the alert. */
	void assertTooLarge(RawHttp.Response response, String form, String... anchor) throws IOException {
		assertThat(response.status()).as(response.toString()).isEqualTo(303);
		String target = form + "?upload=too-large" + (anchor.length == 0 ? "" : anchor[0]);
		assertThat(response.header("Location")).contains(target);
		String followed = admin.get(target.replaceAll("#.*", "")).body();
		assertThat(followed).contains(ALERT)
			.contains("The upload was larger than allowed (at most 3 files of 64 KB each), so nothing was saved.");
	}

	/**
	 * A redirect to the ticket page, which shows the message as the page's error and next
	 * to the file field of the form ({@code inputId}).
	 */
	String assertRefusedOnTicketPage(RawHttp.Response response, long ticket, String inputId, String message)
			throws IOException {
		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		assertThat(response.header("Location")).get().asString().startsWith("/tickets/" + ticket);
		String page = admin.get("/tickets/" + ticket).body();
		assertThat(page).contains("class=\"alert alert-danger\" role=\"alert\"");
		assertFieldError(page, inputId, message);
		assertThat(admin.get("/tickets/" + ticket).body()).as("the flash is shown once")
			.doesNotContain(inputId + "-error");
		return page;
	}

	static void assertFieldError(String html, String inputId, String message) {
		assertThat(html).contains("id=\"" + inputId + "-error\" class=\"invalid-feedback\">" + message + "</div>");
		assertThat(html).containsPattern("id=\"" + inputId + "\"[^>]*class=\"form-control is-invalid\"");
	}

	long newTicket() throws IOException {
		return createdId(
				post("/tickets/new", "/tickets/new", ticketFields(unique("limits"), "A ticket for files"), List.of()));
	}

	Map<String, String> ticketFields(String title, String description) {
		return Map.of("title", title, "description", description, "clientId", String.valueOf(id("clients", "Client A")),
				"productAreaId", String.valueOf(id("product_areas", "Billing")));
	}

	static long createdId(RawHttp.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		String location = response.header("Location").orElseThrow();
		assertThat(location).matches("/tickets/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	long id(String table, String name) {
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

	long tickets(String title) {
		return count("select count(*) from tickets where title = ?", title);
	}

	long comments(long ticket, String body) {
		return count("select count(*) from comments where ticket_id = ? and body = ?", ticket, body);
	}

	long files(long ticket) {
		return count("select count(*) from attachments where ticket_id = ?", ticket);
	}

	long chunkBytes(long ticket) {
		return count("select coalesce(sum(octet_length(c.data)), 0) from attachment_chunks c"
				+ " join attachments a on a.id = c.attachment_id where a.ticket_id = ?", ticket);
	}

	long allAttachments() {
		return count("select count(*) from attachments");
	}

	long allChunks() {
		return count("select count(*) from attachment_chunks");
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
