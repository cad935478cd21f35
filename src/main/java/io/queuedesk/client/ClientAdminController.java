package io.queuedesk.client;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;

/** /admin/clients: the list of clients with create, rename, (de)activate and delete (admins only). */
@Controller
@RequestMapping("/admin/clients")
class ClientAdminController {

	private static final String TAKEN = "client.name.taken";

	private final ClientAdminService clients;

	private final Flash flash;

	ClientAdminController(ClientAdminService clients, Flash flash) {
		this.clients = clients;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", ClientNameForm.empty());
		return page(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ClientNameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Client client = clients.create(form.name());
				flash.success(redirect, "client.created", client.getName());
				return "redirect:/admin/clients";
			}
			catch (ClientNameTakenException | DataIntegrityViolationException ex) {
				result.rejectValue("name", TAKEN);
			}
		}
		return page(model);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @Valid @ModelAttribute("renameForm") ClientNameForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Client client = clients.rename(id, form.name());
				flash.success(redirect, "client.renamed", client.getName());
				return "redirect:/admin/clients";
			}
			catch (ClientNameTakenException | DataIntegrityViolationException ex) {
				result.rejectValue("name", TAKEN);
			}
			catch (OptimisticLockingFailureException ex) {
				flash.error(redirect, "client.stale");
				return "redirect:/admin/clients";
			}
		}
		FieldError error = result.getFieldError("name");
		model.addAttribute("renameId", id);
		model.addAttribute("renameValue", form.name());
		model.addAttribute("renameError", error == null ? null : flash.text(error));
		model.addAttribute("form", ClientNameForm.empty());
		return page(model);
	}

	@PostMapping("/{id}/active")
	String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		try {
			Client client = clients.setActive(id, active);
			flash.success(redirect, active ? "client.activated" : "client.deactivated", client.getName());
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, "client.stale");
		}
		return "redirect:/admin/clients";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			String name = clients.delete(id);
			flash.success(redirect, "client.deleted", name);
		}
		catch (ClientInUseException ex) {
			flash.error(redirect, ex);
		}
		catch (DataIntegrityViolationException ex) {
			// A ticket was raised for it at the same moment: the foreign key refused the delete.
			flash.error(redirect, "client.delete.raced");
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, "client.stale");
		}
		return "redirect:/admin/clients";
	}

	private String page(Model model) {
		model.addAttribute("clients", clients.overview());
		return "clients/list";
	}

}
