package io.queuedesk.comment.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.comment.CommentRefusedException;
import io.queuedesk.attachment.Upload;
import io.queuedesk.attachment.UploadRefusedException;
import io.queuedesk.comment.CommentService;
import io.queuedesk.system.Flash;
import io.queuedesk.ticket.TicketPages;
import io.queuedesk.user.SignedInUser;

/**
 * The comment form and the delete button of the ticket page. A ticket the user may not
 * see answers 404 (the service's NotFoundException is left to the error page).
 */
@Controller
@TicketPages
class CommentController {

	/** Flash attributes the thread fragment reads after a refused comment. */
	static final String FORM = "commentForm";

	static final String BODY_ERROR = "commentBodyError";

	static final String FILES_ERROR = "commentFilesError";

	private final CommentService comments;

	private final Flash flash;

	CommentController(CommentService comments, Flash flash) {
		this.comments = comments;
		this.flash = flash;
	}

	@PostMapping("/tickets/{id}/comments")
	String add(@PathVariable long id, @Valid @ModelAttribute(FORM) CommentForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		List<Upload> uploads = Upload.of(files);
		if (result.hasErrors()) {
			// A ticket the user may not see is a 404 before anything is said about the
			// form.
			comments.requireVisible(id, me);
			FieldError bodyError = result.getFieldError("body");
			if (bodyError != null && "CleanText".equals(bodyError.getCode())) {
				// Control characters or only invisible ones (issue 12): the constraint's
				// own message.
				return refused(id, form, bodyError, true, redirect);
			}
			String code = bodyError == null ? "comment.invalid"
					: "Size".equals(bodyError.getCode()) ? "comment.body.tooLong" : "comment.body.blank";
			return refused(id, form, new DefaultMessageSourceResolvable(code), bodyError != null, redirect);
		}
		if (uploads.isEmpty() && (form.body() == null || form.body().isBlank())) {
			// Nothing to save: said before the service is asked (which refuses it too).
			comments.requireVisible(id, me);
			return refused(id, form, new DefaultMessageSourceResolvable("comment.body.blank"), true, redirect);
		}
		try {
			long commentId = comments.add(id, form.body(), form.isInternal(), uploads, me);
			flash.success(redirect, form.isInternal() ? "comment.added.internal" : "comment.added");
			return "redirect:/tickets/" + id + "#comment-" + commentId;
		}
		catch (CommentRefusedException ex) {
			return refused(id, form, new DefaultMessageSourceResolvable(ex.code()),
					ex.code().startsWith("comment.body."), redirect);
		}
		catch (UploadRefusedException ex) {
			redirect.addFlashAttribute(FILES_ERROR, flash.text(ex.code(), ex.args()));
			return refused(id, form, new DefaultMessageSourceResolvable(new String[] { ex.code() }, ex.args()), false,
					redirect);
		}
	}

	@PostMapping("/tickets/{id}/comments/{commentId}/delete")
	String delete(@PathVariable long id, @PathVariable long commentId, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes redirect) {
		comments.delete(id, commentId, me);
		flash.success(redirect, "comment.deleted", commentId);
		return "redirect:/tickets/" + id;
	}

	/**
	 * Back to the ticket with the message, and with the text as typed so that it is not
	 * lost.
	 */
	private String refused(long id, CommentForm form, MessageSourceResolvable message, boolean aboutBody,
			RedirectAttributes redirect) {
		flash.error(redirect, message);
		redirect.addFlashAttribute(FORM, new CommentForm(form.body(), form.isInternal()));
		if (aboutBody) {
			redirect.addFlashAttribute(BODY_ERROR, flash.text(message));
		}
		return "redirect:/tickets/" + id;
	}

}
