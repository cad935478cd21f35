package io.queuedesk.ticket.files;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.user.SignedInUser;

/**
 * Rows and requests for the full-app attachment tests: a client of its own (unique name)
 * whose tickets no other test touches, tickets written with SQL, files uploaded through
 * the real multipart routes, and readers for the rows, pages and API answers they end up
 * in.
 */
final class FileTestData {

	static final String ADMIN = "admin@example.com";

	static final String DEV_ONE = "developer1@example.com";

	static final String DEV_TWO = "developer2@example.com";

	static final String SUBMITTER = "user@example.com";

	/**
	 * A second submitter, created once per database: sees none of SUBMITTER's tickets.
	 */
	static final String OTHER_SUBMITTER = "other-submitter@files.test";

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final long client;

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserDetailsService accounts;

	FileTestData(MockMvc mvc, JdbcClient jdbc, UserDetailsService accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
		String name = "Files " + tag;
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		this.client = jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
		if (count("select count(*) from users where email = ?", OTHER_SUBMITTER) == 0) {
			jdbc.sql("""
					insert into users (email, display_name, password_hash, active, confirmed, failed_login_count,
					                   created_at, version)
					values (?, 'Other Files Submitter', '{noop}x', true, true, 0, current_timestamp, 0)
					""").param(OTHER_SUBMITTER).update();
			jdbc.sql("insert into user_roles (user_id, role) values (?, 'SUBMITTER')")
				.param(userId(OTHER_SUBMITTER))
				.update();
		}
	}

	long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	SignedInUser account(String email) {
		return (SignedInUser) accounts.loadUserByUsername(email);
	}

	long area() {
		return jdbc.sql("select id from product_areas where name = 'Billing'").query(Long.class).single();
	}

	/** An OPEN ticket at the bottom of this test's client queue; assignee may be null. */
	long ticket(String submitter, String assignee) {
		String title = "Files test " + tag + " " + UUID.randomUUID().toString().substring(0, 4);
		int priority = jdbc.sql("select count(*) from tickets where client_id = ? and queue_rank is not null")
			.param(client)
			.query(Integer.class)
			.single() + 1;
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, status, assignee_id,
				  submitter_id, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)
				""")
			.params(title, "Description " + title, client, area(), QueueFixture.rank(priority),
					assignee == null ? null : userId(assignee), userId(submitter), now, now)
			.update();
		QueueFixture.recount(jdbc, client);
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	/**
	 * A part of the {@code files} field; the type the client claims is a lie on purpose.
	 */
	static MockMultipartFile part(String name, byte[] bytes) {
		return new MockMultipartFile("files", name, "image/png", bytes);
	}

	static MockMultipartFile part(String name, String text) {
		return part(name, text.getBytes(StandardCharsets.UTF_8));
	}

	/** A real PNG of the given size, in two colours. */
	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, (x + y) % 2 == 0 ? Color.ORANGE.getRGB() : Color.BLUE.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static MockMultipartHttpServletRequestBuilder upload(String url, Object id, MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart(url, id);
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		return request;
	}

	/** POST /tickets/{id}/attachments as the user; returns the new files' ids. */
	List<Long> addFiles(long ticket, String email, MockMultipartFile... files) throws Exception {
		long before = maxAttachmentId();
		mvc.perform(upload("/tickets/{id}/attachments", ticket, files).with(user(account(email))).with(csrf()))
			.andExpect(redirectedUrl("/tickets/" + ticket + "#files"));
		return newFiles(ticket, before);
	}

	/** POST /tickets/{id}/comments with files as the user; returns the comment's id. */
	long comment(long ticket, String email, String body, boolean internal, MockMultipartFile... files)
			throws Exception {
		var request = upload("/tickets/{id}/comments", ticket, files).with(user(account(email)))
			.with(csrf())
			.param("body", body);
		if (internal) {
			request.param("internal", "true");
		}
		String location = mvc.perform(request)
			.andExpect(redirectedUrlPattern("/tickets/" + ticket + "#comment-*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
	}

	long maxAttachmentId() {
		return count("select coalesce(max(id), 0) from attachments");
	}

	List<Long> newFiles(long ticket, long after) {
		return jdbc.sql("select id from attachments where ticket_id = ? and id > ? order by id")
			.params(ticket, after)
			.query(Long.class)
			.list();
	}

	List<Long> filesOfComment(long commentId) {
		return jdbc.sql("select id from attachments where comment_id = ? order by id")
			.param(commentId)
			.query(Long.class)
			.list();
	}

	/**
	 * The attachments row: file_name, content_type, size_bytes, sha256, internal,
	 * comment_id.
	 */
	Map<String, Object> row(long attachmentId) {
		return jdbc.sql("""
				select file_name, content_type, size_bytes, sha256, internal, comment_id, uploader_id
				from attachments where id = ?
				""").param(attachmentId).query().singleRow();
	}

	boolean exists(long attachmentId) {
		return count("select count(*) from attachments where id = ?", attachmentId) == 1;
	}

	long chunks(long attachmentId) {
		return count("select count(*) from attachment_chunks where attachment_id = ?", attachmentId);
	}

	/**
	 * The ticket's activity entries, oldest first, as "ACTION|actor
	 * email|details|internal".
	 */
	List<String> activity(long ticketId) {
		return jdbc
			.sql("select action, actor_email, details, internal from activity_log where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4))
			.list();
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** The ticket page as the user sees it (200 expected). */
	String page(long ticket, String email) throws Exception {
		return mvc.perform(get("/tickets/{id}", ticket).with(user(account(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The files section of a ticket page. */
	static String filesSection(String html) {
		int start = html.indexOf("id=\"files\"");
		if (start < 0) {
			throw new AssertionError("No files section");
		}
		return html.substring(start, html.indexOf("</section>", start));
	}

	/** The comment's article in the thread; empty when it is not on the page. */
	static String commentArticle(String html, long commentId) {
		int start = html.indexOf("id=\"comment-" + commentId + "\"");
		return start < 0 ? "" : html.substring(start, html.indexOf("</article>", start));
	}

	/** The link of the file in a page or part of one. */
	static String link(long attachmentId) {
		return "href=\"/attachments/" + attachmentId + "\"";
	}

	/** The ids of the {@code attachments} items of {@code /api/tickets/{id}}. */
	static List<Long> apiFileIds(String json) {
		List<Number> ids = JsonPath.read(json, "$.attachments[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	/**
	 * The ids of the ticket's {@code attachments} items in a {@code /api/tickets} page.
	 */
	static List<Long> apiListFileIds(String json, long ticket) {
		List<Number> ids = JsonPath.read(json, "$.items[?(@.id == " + ticket + ")].attachments[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

}
