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

import io.queuedesk.system.Flash;
import io.queuedesk.system.PageLinks;
import io.queuedesk.system.PagedSearch;

/**
 * /admin/mail: the outbox's pending and failed mails with "retry now" (admins; URL rule
 * and service).
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

	private final MailAdmin mails;

	private final Flash flash;

	MailAdminController(MailAdmin mails, Flash flash) {
		this.mails = mails;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<MailAdmin.OutboxRow> rows = mails.unsent(page);
		model.addAttribute("mails", rows.getContent());
		model.addAttribute("pages", PageLinks.of(rows));
		return "mail/outbox";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
		mails.retryNow(id);
		flash.success(redirect, "mail.admin.retried", String.valueOf(id));
		return "redirect:/admin/mail?page=" + PagedSearch.boundedPage(page);
	}

}
