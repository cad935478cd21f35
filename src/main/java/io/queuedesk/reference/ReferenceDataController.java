package io.queuedesk.reference;

import java.util.List;

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
import io.queuedesk.system.NameTakenException;
import io.queuedesk.system.RefusedException;

/**
 * The admin page of a kind of reference data (clients, product areas): list, create, rename,
 * (de)activate and delete. Subclasses map it to a path and pass their service's calls through
 * the five operations; messages are looked up under the subclass's {@code kind}
 * ({@code client.created}, {@code productArea.name.taken}, …).
 */
public abstract class ReferenceDataController {

	private final Flash flash;

	private final String kind;

	private final String path;

	private final String view;

	protected ReferenceDataController(Flash flash, String kind, String path, String view) {
		this.flash = flash;
		this.kind = kind;
		this.path = path;
		this.view = view;
	}

	/** Rows with id, name, active and tickets, by name. */
	protected abstract List<?> rows();

	/** Each operation answers the entry's name for the flash message. */
	protected abstract String add(String name);

	protected abstract String rename(long id, String name);

	protected abstract String activate(long id, boolean active);

	protected abstract String remove(long id);

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
				flash.success(redirect, kind + ".created", add(form.name()));
				return "redirect:" + path;
			}
			catch (NameTakenException ex) {
				result.rejectValue("name", kind + ".name.taken");
			}
		}
		return page(model);
	}

	@PostMapping("/{id}/rename")
	public String handleRename(@PathVariable long id, @Valid @ModelAttribute("renameForm") NameForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				flash.success(redirect, kind + ".renamed", rename(id, form.name()));
				return "redirect:" + path;
			}
			catch (NameTakenException ex) {
				result.rejectValue("name", kind + ".name.taken");
			}
			catch (OptimisticLockingFailureException ex) {
				flash.error(redirect, kind + ".stale");
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
			flash.success(redirect, kind + (active ? ".activated" : ".deactivated"), activate(id, active));
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, kind + ".stale");
		}
		return "redirect:" + path;
	}

	@PostMapping("/{id}/delete")
	public String handleDelete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			flash.success(redirect, kind + ".deleted", remove(id));
		}
		catch (RefusedException ex) {
			flash.error(redirect, ex);
		}
		catch (DataIntegrityViolationException ex) {
			// A ticket was raised with it at the same moment: the foreign key refused the delete.
			flash.error(redirect, kind + ".delete.raced");
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, kind + ".stale");
		}
		return "redirect:" + path;
	}

	private String page(Model model) {
		model.addAttribute("rows", rows());
		model.addAttribute("path", path);
		return view;
	}

}
