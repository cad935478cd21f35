package io.queuedesk.ticket.files;

import static io.queuedesk.ticket.files.FileTestData.DEV_ONE;
import static io.queuedesk.ticket.files.FileTestData.SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.part;
import static io.queuedesk.ticket.files.FileTestData.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * How a file is served: its type comes from its bytes, never from its name or what the
 * client claimed; only raster images are shown inline, anything a browser could run is
 * sent as plain bytes for download, never sniffed; names outside ASCII survive (RFC
 * 5987); {@code ?download=true} forces a download; the ETag is the file's SHA-256.
 */
class AttachmentDownloadTest extends FileTestCase {

	long ticket;

	@BeforeEach
	void ticket() {
		ticket = data.ticket(SUBMITTER, DEV_ONE);
	}

	@Test
	void anHtmlPageNamedLikeAnImageIsStoredAsHtmlAndOnlyEverDownloaded() throws Exception {
		long id = add("shot.png",
				"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(data.row(id)).containsEntry("content_type", "text/html");

		MockHttpServletResponse response = download(id, "");
		assertThat(response.getContentType()).isEqualTo("application/octet-stream");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains("shot.png");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'", "sandbox");
	}

	@Test
	void aRealPngNamedLikeTextIsAnImageShownInline() throws Exception {
		byte[] image = png(16, 16);
		long id = add("notes.txt", image);
		assertThat(data.row(id)).containsEntry("content_type", "image/png");

		MockHttpServletResponse response = download(id, "");
		assertThat(response.getContentType()).isEqualTo("image/png");
		assertThat(response.getHeader("Content-Disposition")).startsWith("inline;");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getContentAsByteArray()).isEqualTo(image);
	}

	@Test
	void anSvgIsNeverInline() throws Exception {
		long id = add("logo.svg", """
				<?xml version="1.0"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(data.row(id).get("content_type").toString()).isEqualTo("image/svg+xml");
		MockHttpServletResponse response = download(id, "");
		assertThat(response.getContentType()).isEqualTo("application/octet-stream");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		mvc.perform(get("/attachments/{id}/thumbnail", id).with(user(data.account(SUBMITTER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPlainTextLogIsTextForDownload() throws Exception {
		long id = add("server.log",
				"2026-01-01 10:00:00 INFO started\n2026-01-01 10:00:01 WARN slow\n".getBytes(StandardCharsets.UTF_8));
		assertThat(data.row(id)).containsEntry("content_type", "text/plain");
		MockHttpServletResponse response = download(id, "");
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void aNameOutsideAsciiIsEncodedPerRfc5987() throws Exception {
		long id = add("Überweisung März €.txt", "Betrag: 10 €".getBytes(StandardCharsets.UTF_8));
		assertThat(data.row(id)).containsEntry("file_name", "Überweisung März €.txt");
		assertThat(download(id, "").getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz%20%E2%82%AC.txt");
	}

	@Test
	void downloadTrueForcesAnAttachmentForAnImage() throws Exception {
		long id = add("photo.png", png(20, 10));
		assertThat(download(id, "").getHeader("Content-Disposition")).startsWith("inline;");
		assertThat(download(id, "?download=true").getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("photo.png");
	}

	@Test
	void theEtagIsTheSha256AndAMatchingIfNoneMatchIsNotModified() throws Exception {
		long id = add("etag.txt", ("etag " + data.tag).getBytes(StandardCharsets.UTF_8));
		String sha = data.row(id).get("sha256").toString().trim();
		MockHttpServletResponse response = download(id, "");
		assertThat(response.getHeader("ETag")).isEqualTo("\"" + sha + "\"");
		assertThat(response.getHeader("Cache-Control")).contains("private", "max-age=86400");

		mvc.perform(get("/attachments/{id}", id).with(user(data.account(SUBMITTER)))
			.header("If-None-Match", "\"" + sha + "\""))
			.andExpect(status().isNotModified())
			.andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEmpty());
		mvc.perform(
				get("/attachments/{id}", id).with(user(data.account(SUBMITTER))).header("If-None-Match", "\"0000\""))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + sha + "\""));
	}

	private long add(String name, byte[] bytes) throws Exception {
		return data.addFiles(ticket, SUBMITTER, part(name, bytes)).get(0);
	}

	private MockHttpServletResponse download(long id, String query) throws Exception {
		return mvc.perform(get("/attachments/" + id + query).with(user(data.account(SUBMITTER))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

}
