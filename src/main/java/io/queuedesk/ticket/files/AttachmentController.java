package io.queuedesk.ticket.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.attachment.Attachments;
import io.queuedesk.attachment.StoredFile;
import io.queuedesk.attachment.Upload;
import io.queuedesk.attachment.UploadRefusedException;
import io.queuedesk.system.Flash;
import io.queuedesk.system.RefusedException;
import io.queuedesk.ticket.TicketPages;
import io.queuedesk.user.SignedInUser;

/**
 * A ticket's files: add ({@code POST /tickets/{id}/attachments}), download ({@code GET
 * /attachments/{id}}), thumbnail, delete ({@code POST /attachments/{id}/delete}).
 * Downloads are streamed from the database a chunk at a time; a file the viewer may not
 * see answers 404 like its ticket.
 */
@Controller
@TicketPages
class AttachmentController {

	/** Flash attribute the files section shows next to its file field after a refusal. */
	static final String FILES_ERROR = "ticketFilesError";

	/**
	 * Files never change under their id: a browser may keep them a day without asking.
	 * {@code private}: never in a shared cache.
	 */
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

	/**
	 * Even a file sent inline can run nothing and load nothing, should a browser ever
	 * render it as a page.
	 */
	private static final String SANDBOX = "default-src 'none'; img-src 'self'; sandbox";

	private final TicketFiles files;

	private final Attachments attachments;

	private final Flash flash;

	AttachmentController(TicketFiles files, Attachments attachments, Flash flash) {
		this.files = files;
		this.attachments = attachments;
		this.flash = flash;
	}

	@PostMapping("/tickets/{id}/attachments")
	String add(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		try {
			int added = files.add(id, Upload.of(uploads), me);
			flash.success(redirect, "attachment.added", added);
		}
		catch (UploadRefusedException | FileRefusedException ex) {
			refused(ex, redirect);
		}
		return "redirect:/tickets/" + id + "#files";
	}

	@GetMapping("/attachments/{id}")
	void download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response) {
		StoredFile file = files.visible(id, me);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
		if (new ServletWebRequest(request, response).checkNotModified("\"" + file.sha256() + "\"")) {
			return;
		}
		ContentDisposition.Builder disposition = file.inline() && !download ? ContentDisposition.inline()
				: ContentDisposition.attachment();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				disposition.filename(file.name(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", SANDBOX);
		response.setContentType(file.servedType());
		response.setContentLengthLong(file.size());
		try {
			attachments.copy(file, response.getOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/attachments/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.contentType(MediaType.IMAGE_JPEG)
			.header("X-Content-Type-Options", "nosniff")
			.body(files.thumbnail(id, me));
	}

	@PostMapping("/attachments/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		long ticketId;
		try {
			ticketId = files.delete(id, me);
		}
		catch (FileRefusedException ex) {
			flash.error(redirect, ex);
			return "redirect:/tickets/" + files.visible(id, me).ticketId() + "#files";
		}
		flash.success(redirect, "attachment.deleted");
		return "redirect:/tickets/" + ticketId + "#files";
	}

	private void refused(RefusedException ex, RedirectAttributes redirect) {
		flash.error(redirect, ex);
		redirect.addFlashAttribute(FILES_ERROR, flash.text(ex.code(), ex.args()));
	}

}
