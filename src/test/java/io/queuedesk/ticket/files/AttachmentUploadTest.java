package io.queuedesk.ticket.files;

import static io.queuedesk.ticket.files.FileTestData.ADMIN;
import static io.queuedesk.ticket.files.FileTestData.DEV_ONE;
import static io.queuedesk.ticket.files.FileTestData.SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.apiFileIds;
import static io.queuedesk.ticket.files.FileTestData.apiListFileIds;
import static io.queuedesk.ticket.files.FileTestData.commentArticle;
import static io.queuedesk.ticket.files.FileTestData.filesSection;
import static io.queuedesk.ticket.files.FileTestData.link;
import static io.queuedesk.ticket.files.FileTestData.part;
import static io.queuedesk.ticket.files.FileTestData.png;
import static io.queuedesk.ticket.files.FileTestData.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.queuedesk.attachment.FileSizes;

/**
 * Files in through each of the three routes (new ticket, comment, files section), several
 * at once, and out again: the exact bytes from {@code GET /attachments/{id}}, size and
 * SHA-256 in the row, the file on the ticket page (files section, and under its comment)
 * and in both JSON answers. A multipart POST without the CSRF token stores nothing.
 */
class AttachmentUploadTest extends FileTestCase {

	@Test
	void filesOfANewTicketAreStoredAndServedByteForByte() throws Exception {
		byte[] image = png(40, 30);
		byte[] log = ("first line " + data.tag + "\nsecond line\n").getBytes(StandardCharsets.UTF_8);
		byte[] big = new byte[600_000]; // three chunks of 256 KiB
		for (int i = 0; i < big.length; i++) {
			big[i] = (byte) (i * 31 + i / 1000);
		}
		long before = data.maxAttachmentId();
		String location = mvc.perform(
				upload("/tickets/new", null, part("screen.png", image), part("build.log", log), part("dump.bin", big))
					.with(user(data.account(SUBMITTER)))
					.with(csrf())
					.param("title", "New with files " + data.tag)
					.param("description", "See the files")
					.param("clientId", String.valueOf(data.client))
					.param("productAreaId", String.valueOf(data.area())))
			.andExpect(redirectedUrlPattern("/tickets/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long ticket = Long.parseLong(location.substring("/tickets/".length()));
		List<Long> ids = data.newFiles(ticket, before);
		assertThat(ids).hasSize(3);

		assertStoredAndServed(ids.get(0), "screen.png", image, "image/png");
		assertStoredAndServed(ids.get(1), "build.log", log, "text/plain");
		assertStoredAndServed(ids.get(2), "dump.bin", big, "application/octet-stream");
		assertThat(data.chunks(ids.get(2))).isEqualTo(3);
		assertThat(data.row(ids.get(0))).containsEntry("comment_id", null).containsEntry("internal", false);

		String files = filesSection(data.page(ticket, SUBMITTER));
		assertThat(files).contains(link(ids.get(0)), link(ids.get(1)), link(ids.get(2)), "screen.png", "build.log",
				"dump.bin", "src=\"/attachments/" + ids.get(0) + "/thumbnail\"");
		assertInApi(ticket, SUBMITTER, ids);
		assertThat(data.activity(ticket)).filteredOn(e -> e.startsWith("ATTACHMENT_ADDED|"))
			.containsExactly("ATTACHMENT_ADDED|" + SUBMITTER + "|screen.png (" + size(image) + ")|false",
					"ATTACHMENT_ADDED|" + SUBMITTER + "|build.log (" + size(log) + ")|false",
					"ATTACHMENT_ADDED|" + SUBMITTER + "|dump.bin (" + size(big) + ")|false");
	}

	@Test
	void aCommentWithAnEmptyBodyAndFilesKeepsThemUnderTheComment() throws Exception {
		long ticket = data.ticket(SUBMITTER, DEV_ONE);
		byte[] first = ("log one " + data.tag).getBytes(StandardCharsets.UTF_8);
		byte[] second = png(8, 8);
		long comment = data.comment(ticket, SUBMITTER, "", false, part("one.txt", first), part("two.png", second));

		List<Long> ids = data.filesOfComment(comment);
		assertThat(ids).hasSize(2);
		assertStoredAndServed(ids.get(0), "one.txt", first, "text/plain");
		assertStoredAndServed(ids.get(1), "two.png", second, "image/png");
		assertThat(data.row(ids.get(0))).containsEntry("internal", false);
		assertThat(data.count("select count(*) from comments where id = ? and body = ''", comment)).isOne();

		String page = data.page(ticket, SUBMITTER);
		assertThat(commentArticle(page, comment)).contains(link(ids.get(0)), link(ids.get(1)), "one.txt", "two.png");
		assertThat(filesSection(page)).contains(link(ids.get(0)), link(ids.get(1)), "href=\"#comment-" + comment + "\"",
				"comment #" + comment);
		// Listed twice (files section and thread), yet every element id on the page is
		// unique.
		assertThat(ids(page)).doesNotHaveDuplicates();
		assertInApi(ticket, SUBMITTER, ids);
		assertInApi(ticket, DEV_ONE, ids);
	}

	@Test
	void filesOfAnInternalNoteAreInternal() throws Exception {
		long ticket = data.ticket(SUBMITTER, DEV_ONE);
		byte[] trace = ("stack trace " + data.tag).getBytes(StandardCharsets.UTF_8);
		long note = data.comment(ticket, DEV_ONE, "Trace attached", true, part("trace.txt", trace),
				part("heap.txt", "heap " + data.tag));

		List<Long> ids = data.filesOfComment(note);
		assertThat(ids).hasSize(2);
		assertStoredAndServed(ids.get(0), "trace.txt", trace, "text/plain");
		assertThat(ids).allSatisfy(id -> assertThat(data.row(id)).containsEntry("internal", true));

		String page = data.page(ticket, ADMIN);
		assertThat(commentArticle(page, note)).contains(link(ids.get(0)), link(ids.get(1)));
		assertThat(filesSection(page)).contains(link(ids.get(0)), "internal note #" + note);
		assertInApi(ticket, ADMIN, ids);
		assertThat(data.activity(ticket)).filteredOn(e -> e.startsWith("ATTACHMENT_ADDED|"))
			.containsExactly(
					"ATTACHMENT_ADDED|" + DEV_ONE + "|trace.txt (" + size(trace) + "), internal note #" + note
							+ "|true",
					"ATTACHMENT_ADDED|" + DEV_ONE + "|heap.txt (13 B), internal note #" + note + "|true");
	}

	@Test
	void filesAddedToTheTicketItselfAreListedInTheFilesSection() throws Exception {
		long ticket = data.ticket(SUBMITTER, DEV_ONE);
		byte[] a = ("csv;data;" + data.tag).getBytes(StandardCharsets.UTF_8);
		byte[] b = png(320, 200);
		List<Long> ids = data.addFiles(ticket, DEV_ONE, part("data.csv", a), part("big.png", b));

		assertThat(ids).hasSize(2);
		assertStoredAndServed(ids.get(0), "data.csv", a, "text/csv");
		assertStoredAndServed(ids.get(1), "big.png", b, "image/png");
		assertThat(data.row(ids.get(0))).containsEntry("comment_id", null)
			.containsEntry("uploader_id", data.userId(DEV_ONE));
		assertThat(filesSection(data.page(ticket, SUBMITTER))).contains(link(ids.get(0)), link(ids.get(1)), "data.csv",
				"big.png", "Dev One");
		mvc.perform(get("/attachments/{id}/thumbnail", ids.get(1)).with(user(data.account(SUBMITTER))))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentType()).isEqualTo("image/jpeg"));
		assertInApi(ticket, SUBMITTER, ids);
	}

	/** Point 5: no token, no file, on every route that takes files. */
	@Test
	void aMultipartPostWithoutTheCsrfTokenIsForbiddenAndStoresNothing() throws Exception {
		long ticket = data.ticket(SUBMITTER, DEV_ONE);
		long files = data.count("select count(*) from attachments");
		long chunks = data.count("select count(*) from attachment_chunks");
		long tickets = data.count("select count(*) from tickets");
		long comments = data.count("select count(*) from comments where ticket_id = ?", ticket);

		List<Supplier<MockMultipartHttpServletRequestBuilder>> requests = List.of(
				() -> upload("/tickets/new", null, part("a.txt", "a"), part("b.txt", "b"))
					.param("title", "No token " + data.tag)
					.param("description", "x")
					.param("clientId", String.valueOf(data.client))
					.param("productAreaId", String.valueOf(data.area())),
				() -> upload("/tickets/{id}/comments", ticket, part("a.txt", "a"), part("b.txt", "b")).param("body",
						"Hi"),
				() -> upload("/tickets/{id}/attachments", ticket, part("a.txt", "a"), part("b.txt", "b")));
		for (Supplier<MockMultipartHttpServletRequestBuilder> request : requests) {
			mvc.perform(request.get().with(user(data.account(SUBMITTER)))).andExpect(status().isForbidden());
			mvc.perform(request.get().with(user(data.account(SUBMITTER))).with(csrf().useInvalidToken()))
				.andExpect(status().isForbidden());
		}

		assertThat(data.count("select count(*) from attachments")).isEqualTo(files);
		assertThat(data.count("select count(*) from attachment_chunks")).isEqualTo(chunks);
		assertThat(data.count("select count(*) from tickets")).isEqualTo(tickets);
		assertThat(data.count("select count(*) from comments where ticket_id = ?", ticket)).isEqualTo(comments);
	}

	private void assertStoredAndServed(long id, String name, byte[] bytes, String type) throws Exception {
		Map<String, Object> row = data.row(id);
		assertThat(row).containsEntry("file_name", name).containsEntry("content_type", type);
		assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(bytes.length);
		assertThat(row.get("sha256").toString().trim()).isEqualTo(sha256(bytes));
		byte[] served = mvc.perform(get("/attachments/{id}", id).with(user(data.account(ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).as(name).isEqualTo(bytes);
	}

	private void assertInApi(long ticket, String email, List<Long> ids) throws Exception {
		String one = mvc.perform(get("/api/tickets/{id}", ticket).with(user(data.account(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(apiFileIds(one)).containsExactlyElementsOf(ids);
		for (long id : ids) {
			Map<String, Object> row = data.row(id);
			List<Map<String, Object>> items = JsonPath.read(one, "$.attachments[?(@.id == " + id + ")]");
			assertThat(items).hasSize(1);
			Map<String, Object> item = items.get(0);
			assertThat(item).containsEntry("name", row.get("file_name"))
				.containsEntry("contentType", row.get("content_type"))
				.containsKey("size");
			assertThat(((Number) item.get("size")).longValue()).isEqualTo(((Number) row.get("size_bytes")).longValue());
		}
		String list = mvc.perform(get("/api/tickets?client=" + data.client).with(user(data.account(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(apiListFileIds(list, ticket)).containsExactlyElementsOf(ids);
	}

	private static List<String> ids(String html) {
		return Pattern.compile(" id=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
	}

	private static String size(byte[] bytes) {
		return FileSizes.text(bytes.length);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
