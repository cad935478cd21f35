package io.queuedesk.mail;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.mail.inbound.InboundMailLog;
import io.queuedesk.mail.inbound.MailInSettings;
import io.queuedesk.mail.inbound.MailboxPoller;
import io.queuedesk.system.Flash;
import io.queuedesk.system.PageLinks;
import io.queuedesk.system.PagedSearch;

/**
 * /admin/mail: the outbox's pending and failed mails with "retry now", the mailbox
 * polling's status (of the instance that answers) and whether the inbound-mail API is on,
 * and the inbound mail log, newest first by cursor (admins; URL rule and services).
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

	private final MailAdmin mails;

	private final InboundMailLog inbound;

	private final MailboxPoller mailbox;

	private final MailInSettings mailIn;

	private final Flash flash;

	MailAdminController(MailAdmin mails, InboundMailLog inbound, MailboxPoller mailbox, MailInSettings mailIn,
			Flash flash) {
		this.mails = mails;
		this.inbound = inbound;
		this.mailbox = mailbox;
		this.mailIn = mailIn;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String inboundAfter,
			@RequestParam(required = false) String inboundBefore, @RequestParam(defaultValue = "0") int inboundPage,
			Model model) {
		Page<MailAdmin.OutboxRow> rows = mails.unsent(page);
		model.addAttribute("mails", rows.getContent());
		model.addAttribute("pages", PageLinks.of(rows));
		InboundMailLog.Cursor after = InboundMailLog.Cursor.parse(inboundAfter);
		InboundMailLog.Cursor before = after == null ? InboundMailLog.Cursor.parse(inboundBefore) : null;
		InboundMailLog.Slice slice = inbound.page(after, before);
		// The newest page is page 1 however it was reached; the number only shows.
		int number = slice.previous() == null ? 0 : Math.max(1, PagedSearch.boundedPage(inboundPage));
		model.addAttribute("mailbox", mailbox.status());
		model.addAttribute("inboundApi", mailIn.endpointEnabled());
		model.addAttribute("inbound", slice.rows());
		model.addAttribute("inboundPages", PageLinks.ofCursor("inbound", number, InboundMailLog.PAGE_SIZE,
				slice.total(), slice.capped(), slice.previous(), slice.next()));
		return "mail/outbox";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
		mails.retryNow(id);
		flash.success(redirect, "mail.admin.retried", String.valueOf(id));
		return "redirect:/admin/mail?page=" + PagedSearch.boundedPage(page);
	}

}
