package io.queuedesk.reference;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;
import io.queuedesk.system.RefusedException;

/**
 * The admin page of a kind of reference data (clients, product areas): list, create,
 * rename, (de)activate and delete. Subclasses map it to a path and hand over the kind's
 * admin service; messages are looked up under the {@link ReferenceKind}
 * ({@code client.created}, {@code productArea.name.taken}, …), and the one template
 * {@code reference/list} shows either kind.
 */
abstract class ReferenceDataController {

	private final ReferenceKind kind;

	private final ReferenceAdminService<?> service;

	private final Flash flash;

	private final String path;

	protected ReferenceDataController(ReferenceKind kind, ReferenceAdminService<?> service, Flash flash, String path) {
		this.kind = kind;
		this.service = service;
		this.flash = flash;
		this.path = path;
	}

	@GetMapping
	public String showList(Model model) {
		model.addAttribute("form", NameForm.empty());
		return page(model);
	}

	@PostMapping
	public String handleAdd(@Valid @ModelAttribute("form") NameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				flash.success(redirect, kind.messages + ".created", service.create(form.name()).getName());
				return "redirect:" + path;
			}
			catch (NameTakenException ex) {
				result.rejectValue("name", kind.messages + ".name.taken");
			}
		}
		return page(model);
	}

	@PostMapping("/{id}/rename")
	public String handleRename(@PathVariable long id, @Valid @ModelAttribute("renameForm") NameForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				flash.success(redirect, kind.messages + ".renamed", service.rename(id, form.name()).getName());
				return "redirect:" + path;
			}
			catch (NameTakenException ex) {
				result.rejectValue("name", kind.messages + ".name.taken");
			}
			catch (OptimisticLockingFailureException ex) {
				flash.error(redirect, kind.messages + ".stale");
				return "redirect:" + path;
			}
		}
		// The error shows on that row's inline form, with what the admin typed.
		FieldError error = result.getFieldError("name");
		model.addAttribute("renameId", id);
		model.addAttribute("renameValue", form.name());
		model.addAttribute("renameError", error == null ? null : flash.text(error));
		model.addAttribute("form", NameForm.empty());
		return page(model);
	}

	@PostMapping("/{id}/active")
	public String handleActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		try {
			flash.success(redirect, kind.messages + (active ? ".activated" : ".deactivated"),
					service.setActive(id, active).getName());
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, kind.messages + ".stale");
		}
		return "redirect:" + path;
	}

	@PostMapping("/{id}/delete")
	public String handleDelete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			flash.success(redirect, kind.messages + ".deleted", service.delete(id));
		}
		catch (RefusedException ex) {
			flash.error(redirect, ex);
		}
		catch (DataIntegrityViolationException ex) {
			// A ticket was raised with it at the same moment: the foreign key refused the
			// delete.
			flash.error(redirect, kind.messages + ".delete.raced");
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, kind.messages + ".stale");
		}
		return "redirect:" + path;
	}

	private String page(Model model) {
		model.addAttribute("rows", service.overview());
		model.addAttribute("path", path);
		model.addAttribute("messages", kind.pageMessages);
		return "reference/list";
	}

}
