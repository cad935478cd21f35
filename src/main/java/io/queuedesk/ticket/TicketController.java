package io.queuedesk.ticket;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.attachment.Upload;
import io.queuedesk.attachment.UploadRefusedException;
import io.queuedesk.reference.ClientService;
import io.queuedesk.system.Flash;
import io.queuedesk.user.SignedInUser;

/** Raise, view, edit and withdraw a ticket. */
@Controller
@TicketPages
class TicketController {

	/** The message next to the new-ticket form's file field. */
	static final String FILES_ERROR = "filesError";

	private final TicketService tickets;

	private final TicketQueries queries;

	private final TicketFormOptions options;

	private final ClientService clients;

	private final List<TicketPageSection> sections;

	private final Flash flash;

	TicketController(TicketService tickets, TicketQueries queries, TicketFormOptions options, ClientService clients,
			List<TicketPageSection> sections, Flash flash) {
		this.sections = sections;
		this.tickets = tickets;
		this.clients = clients;
		this.queries = queries;
		this.options = options;
		this.flash = flash;
	}

	@GetMapping("/tickets/new")
	String newForm(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("form", TicketForm.empty());
		options.forForm(model, me);
		return "tickets/new";
	}

	@PostMapping("/tickets/new")
	String create(@Valid @ModelAttribute("form") TicketForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
		List<Upload> uploads = Upload.of(files);
		if (!result.hasErrors()) {
			try {
				Ticket ticket = tickets.create(form, uploads, me);
				flash.success(redirect, "ticket.created", ticket.getId());
				return "redirect:/tickets/" + ticket.getId();
			}
			catch (TicketFieldException ex) {
				result.rejectValue(ex.field(), ex.code());
			}
			catch (UploadRefusedException ex) {
				model.addAttribute(FILES_ERROR, flash.text(ex.code(), ex.args()));
			}
		}
		if (!uploads.isEmpty() && !model.containsAttribute(FILES_ERROR)) {
			// A browser cannot fill a file field again: say so where the files were.
			model.addAttribute(FILES_ERROR, flash.text("attachment.chooseAgain"));
		}
		options.forForm(model, me);
		return "tickets/new";
	}

	@GetMapping("/tickets/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
		TicketDetails details = queries.details(id, me);
		model.addAttribute("details", details);
		if (details.canManageQueue()) {
			model.addAttribute("transferClients",
					clients.active().stream().filter(c -> c.getId() != details.ticket().client().id()).toList());
		}
		if (details.canAssign()) {
			options.forForm(model, me);
		}
		for (TicketPageSection section : sections) {
			section.contribute(details.access(), me, model);
		}
		model.addAttribute("sections", sections.stream().map(TicketPageSection::fragment).toList());
		return "tickets/detail";
	}

	@GetMapping("/tickets/{id}/edit")
	String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model,
			RedirectAttributes redirect) {
		try {
			TicketEditForm form = queries.editForm(id, me);
			model.addAttribute("form", form);
			return editPage(id, form.version(), me, model);
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex);
			return "redirect:/tickets/" + id;
		}
	}

	@PostMapping("/tickets/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") TicketEditForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
		long version = form.version() == null ? -1 : form.version();
		if (!result.hasErrors()) {
			try {
				tickets.update(id, form, me);
				flash.success(redirect, "ticket.updated", id);
				return "redirect:/tickets/" + id;
			}
			catch (TicketFieldException ex) {
				result.rejectValue(ex.field(), ex.code());
			}
			catch (StaleTicketException ex) {
				return stale(id, ex.current(), result, me, model);
			}
			catch (ConcurrencyFailureException ex) {
				// Lost a race past the ticket lock (a deadlock, a lock timeout): same
				// answer as a
				// stale form, which keeps what the user typed.
				return stale(id, queries.editForm(id, me), result, me, model);
			}
			catch (TicketActionException ex) {
				flash.error(redirect, ex);
				return "redirect:/tickets/" + id;
			}
		}
		return editPage(id, version, me, model);
	}

	@PostMapping("/tickets/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		try {
			tickets.delete(id, me);
			flash.success(redirect, "ticket.deleted", id);
			return "redirect:/tickets";
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex);
			return "redirect:/tickets/" + id;
		}
	}

	/**
	 * Keeps what the user typed, shows the values saved meanwhile, and arms the form with
	 * the current version: saving again is then a deliberate overwrite.
	 */
	private String stale(long id, TicketEditForm current, BindingResult result, SignedInUser me, Model model) {
		result.reject("ticket.stale");
		model.addAttribute("current", current);
		return editPage(id, current.version(), me, model);
	}

	private String editPage(long id, long version, SignedInUser me, Model model) {
		model.addAttribute("ticketId", id);
		model.addAttribute("version", version);
		options.forForm(model, me);
		return "tickets/edit";
	}

}
