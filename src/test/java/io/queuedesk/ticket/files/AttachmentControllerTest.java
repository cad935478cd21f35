package io.queuedesk.ticket.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.attachment.Attachments;
import io.queuedesk.attachment.StoredFile;
import io.queuedesk.attachment.Upload;
import io.queuedesk.attachment.UploadRefusedException;
import io.queuedesk.system.Flash;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The routes of a ticket's files with mocked services: adding redirects to the files
 * section with a message (and the field's error after a refusal), downloads carry the
 * headers that keep a file from running as a page of ours, thumbnails, delete, CSRF, 404.
 */
@WebMvcTest(AttachmentController.class)
@Import({ SliceSecurity.class, Flash.class })
class AttachmentControllerTest {

	final SignedInUser submitter = TestUsers.signedIn(4, "sam@test.example", "Sam", Role.SUBMITTER);

	final SignedInUser admin = TestUsers.signedIn(1, "ada@test.example", "Ada", Role.ADMIN);

	static final String SHA = "a".repeat(64);

	static final String SANDBOX = "default-src 'none'; img-src 'self'; sandbox";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketFiles files;

	@MockitoBean
	Attachments attachments;

	// --- add ---------------------------------------------------------------------------

	@Test
	@SuppressWarnings("unchecked")
	void addingRedirectsToTheFilesSectionWithAMessage() throws Exception {
		given(files.add(eq(9L), anyList(), eq(submitter))).willReturn(2);

		mvc.perform(multipart("/tickets/9/attachments").file(file("a.png", 3))
			.file(file("b.txt", 5))
			.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
			.with(user(submitter))
			.with(csrf()))
			.andExpect(redirectedUrl("/tickets/9#files"))
			.andExpect(flash().attribute("flashSuccess", "2 files added."))
			.andExpect(flash().attributeCount(1));

		ArgumentCaptor<List<Upload>> uploads = ArgumentCaptor.forClass(List.class);
		verify(files).add(eq(9L), uploads.capture(), eq(submitter));
		assertThat(uploads.getValue()).extracting(Upload::name, Upload::size)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a.png", 3L),
					org.assertj.core.groups.Tuple.tuple("b.txt", 5L));
	}

	@Test
	void oneFileAddedSaysSo() throws Exception {
		given(files.add(eq(9L), anyList(), any())).willReturn(1);

		mvc.perform(multipart("/tickets/9/attachments").file(file("a.png", 3)).with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "One file added."));
	}

	@Test
	void aRefusedUploadPutsTheErrorOnThePageAndNextToTheField() throws Exception {
		given(files.add(eq(9L), anyList(), any()))
			.willThrow(new UploadRefusedException("attachment.tooLarge", "big.bin", "10 MB"));
		String message = "big.bin is larger than 10 MB, the most a file may have. Nothing was saved.";

		mvc.perform(multipart("/tickets/9/attachments").file(file("big.bin", 3)).with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9#files"))
			.andExpect(flash().attribute("flashError", message))
			.andExpect(flash().attribute(AttachmentController.FILES_ERROR, message))
			.andExpect(flash().attribute("flashSuccess", (Object) null));
	}

	@Test
	void noFileOrNoRightIsRefusedTheSameWay() throws Exception {
		given(files.add(eq(9L), eq(List.of()), any())).willThrow(new FileRefusedException("attachment.none"));

		mvc.perform(multipart("/tickets/9/attachments")
			.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
			.with(user(admin))
			.with(csrf()))
			.andExpect(redirectedUrl("/tickets/9#files"))
			.andExpect(flash().attribute("flashError", "Choose at least one file to upload."))
			.andExpect(flash().attribute(AttachmentController.FILES_ERROR, "Choose at least one file to upload."));

		given(files.add(eq(8L), anyList(), any())).willThrow(new FileRefusedException("attachment.add.refused"));
		mvc.perform(multipart("/tickets/8/attachments").file(file("a.png", 3)).with(user(submitter)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/8#files"))
			.andExpect(flash().attribute("flashError", "You cannot add files to this ticket."));
	}

	@Test
	void addingToAnInvisibleTicketIs404() throws Exception {
		given(files.add(eq(9L), anyList(), any())).willThrow(new NotFoundException("Ticket", 9));

		mvc.perform(multipart("/tickets/9/attachments").file(file("a.png", 3)).with(user(submitter)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	// --- download ----------------------------------------------------------------------

	@Test
	void anImageIsSentInlineWithItsHeaders() throws Exception {
		StoredFile png = stored(5, "shot.png", "image/png", 4);
		given(files.visible(5, submitter)).willReturn(png);
		sends(png, new byte[] { 1, 2, 3, 4 });

		mvc.perform(get("/attachments/5").with(user(submitter)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(
					header().string("Content-Disposition", "inline; filename=\"shot.png\"; filename*=UTF-8''shot.png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", SANDBOX))
			.andExpect(header().longValue("Content-Length", 4))
			.andExpect(header().string("ETag", "\"" + SHA + "\""))
			.andExpect(header().string("Cache-Control", "max-age=86400, private"))
			.andExpect(content().bytes(new byte[] { 1, 2, 3, 4 }));
	}

	@Test
	void downloadTrueForcesAnAttachment() throws Exception {
		StoredFile png = stored(5, "shot.png", "image/png", 4);
		given(files.visible(5, submitter)).willReturn(png);
		sends(png, new byte[] { 1, 2, 3, 4 });

		mvc.perform(get("/attachments/5").param("download", "true").with(user(submitter)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"shot.png\"; filename*=UTF-8''shot.png"))
			.andExpect(content().contentType("image/png"));
	}

	@Test
	void otherFilesAreDownloadsAndActiveTypesGoAsBytes() throws Exception {
		StoredFile pdf = stored(6, "Bericht März.pdf", "application/pdf", 3);
		given(files.visible(6, admin)).willReturn(pdf);
		sends(pdf, "pdf".getBytes(StandardCharsets.US_ASCII));

		mvc.perform(get("/attachments/6").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("attachment; "),
							org.hamcrest.Matchers.containsString("filename*=UTF-8''Bericht%20M%C3%A4rz.pdf"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", SANDBOX));

		StoredFile html = stored(7, "page.png", "text/html", 6);
		given(files.visible(7, admin)).willReturn(html);
		sends(html, "<html>".getBytes(StandardCharsets.US_ASCII));
		mvc.perform(get("/attachments/7").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/octet-stream"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; ")))
			.andExpect(header().string("Content-Security-Policy", SANDBOX));

		StoredFile svg = stored(8, "logo.svg", "image/svg+xml", 6);
		given(files.visible(8, admin)).willReturn(svg);
		sends(svg, "<svg/>".getBytes(StandardCharsets.US_ASCII));
		mvc.perform(get("/attachments/8").with(user(admin)))
			.andExpect(content().contentType("application/octet-stream"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; ")));
	}

	@Test
	void aMatchingEtagIs304WithoutTheBytes() throws Exception {
		StoredFile png = stored(5, "shot.png", "image/png", 4);
		given(files.visible(5, submitter)).willReturn(png);

		mvc.perform(get("/attachments/5").header("If-None-Match", "\"" + SHA + "\"").with(user(submitter)))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", "\"" + SHA + "\""))
			.andExpect(content().bytes(new byte[0]));
		verify(attachments, never()).copy(any(), any());
	}

	@Test
	void anInvisibleOrMissingFileIs404() throws Exception {
		given(files.visible(anyLong(), any())).willThrow(new NotFoundException("Attachment", 5));

		mvc.perform(get("/attachments/5").with(user(submitter))).andExpect(status().isNotFound());
		verify(attachments, never()).copy(any(), any());
	}

	@Test
	void visitorsAreSentToTheLogin() throws Exception {
		mvc.perform(get("/attachments/5")).andExpect(status().is3xxRedirection());
		verifyNoInteractions(files, attachments);
	}

	// --- thumbnail ---------------------------------------------------------------------

	@Test
	void theThumbnailIsAJpeg() throws Exception {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1 };
		given(files.thumbnail(5, submitter)).willReturn(jpeg);

		mvc.perform(get("/attachments/5/thumbnail").with(user(submitter)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", "max-age=86400, private"))
			.andExpect(content().bytes(jpeg));
	}

	@Test
	void noThumbnailIs404() throws Exception {
		given(files.thumbnail(5, submitter)).willThrow(new NotFoundException("Thumbnail", 5));

		mvc.perform(get("/attachments/5/thumbnail").with(user(submitter))).andExpect(status().isNotFound());
	}

	// --- delete ------------------------------------------------------------------------

	@Test
	void deletingRedirectsToTheFilesSection() throws Exception {
		given(files.delete(5, admin)).willReturn(9L);

		mvc.perform(post("/attachments/5/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9#files"))
			.andExpect(flash().attribute("flashSuccess", "File deleted."));
	}

	@Test
	void aRefusedDeleteSaysWhyOnItsTicket() throws Exception {
		given(files.delete(5, submitter)).willThrow(new FileRefusedException("attachment.delete.refused"));
		given(files.visible(5, submitter)).willReturn(stored(5, "shot.png", "image/png", 4));

		mvc.perform(post("/attachments/5/delete").with(user(submitter)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9#files"))
			.andExpect(flash().attribute("flashError",
					"Only an admin can delete this file now (the uploader can while the ticket is open)."));
	}

	@Test
	void deletingAnInvisibleFileIs404() throws Exception {
		given(files.delete(5, submitter)).willThrow(new NotFoundException("Attachment", 5));

		mvc.perform(post("/attachments/5/delete").with(user(submitter)).with(csrf())).andExpect(status().isNotFound());
	}

	// --- CSRF --------------------------------------------------------------------------

	@Test
	void postsWithoutCsrfTokenAreForbidden() throws Exception {
		mvc.perform(multipart("/tickets/9/attachments").file(file("a.png", 3)).with(user(admin)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/attachments/5/delete").with(user(admin))).andExpect(status().isForbidden());
		mvc.perform(post("/attachments/5/delete").with(user(admin)).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());

		verifyNoInteractions(files, attachments);
	}

	private static MockMultipartFile file(String name, int size) {
		return new MockMultipartFile("files", name, "application/octet-stream", new byte[size]);
	}

	private static StoredFile stored(long id, String name, String type, long size) {
		return new StoredFile(id, 9, null, false, 4L, name, type, size, SHA);
	}

	private void sends(StoredFile file, byte[] bytes) {
		willAnswer(call -> {
			call.getArgument(1, OutputStream.class).write(bytes);
			return null;
		}).given(attachments).copy(eq(file), any());
	}

}
