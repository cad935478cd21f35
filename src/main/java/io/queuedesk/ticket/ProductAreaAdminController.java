package io.queuedesk.ticket;

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

/** /admin/product-areas: the list of product areas with create, rename, (de)activate and delete (admins only). */
@Controller
@RequestMapping("/admin/product-areas")
class ProductAreaAdminController {

	private static final String TAKEN = "productArea.name.taken";

	private final ProductAreaAdminService areas;

	private final Flash flash;

	ProductAreaAdminController(ProductAreaAdminService areas, Flash flash) {
		this.areas = areas;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", ProductAreaNameForm.empty());
		return page(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ProductAreaNameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				ProductArea area = areas.create(form.name());
				flash.success(redirect, "productArea.created", area.getName());
				return "redirect:/admin/product-areas";
			}
			catch (ProductAreaNameTakenException | DataIntegrityViolationException ex) {
				result.rejectValue("name", TAKEN);
			}
		}
		return page(model);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @Valid @ModelAttribute("renameForm") ProductAreaNameForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				ProductArea area = areas.rename(id, form.name());
				flash.success(redirect, "productArea.renamed", area.getName());
				return "redirect:/admin/product-areas";
			}
			catch (ProductAreaNameTakenException | DataIntegrityViolationException ex) {
				result.rejectValue("name", TAKEN);
			}
			catch (OptimisticLockingFailureException ex) {
				flash.error(redirect, "productArea.stale");
				return "redirect:/admin/product-areas";
			}
		}
		FieldError error = result.getFieldError("name");
		model.addAttribute("renameId", id);
		model.addAttribute("renameValue", form.name());
		model.addAttribute("renameError", error == null ? null : flash.text(error));
		model.addAttribute("form", ProductAreaNameForm.empty());
		return page(model);
	}

	@PostMapping("/{id}/active")
	String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		try {
			ProductArea area = areas.setActive(id, active);
			flash.success(redirect, active ? "productArea.activated" : "productArea.deactivated", area.getName());
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, "productArea.stale");
		}
		return "redirect:/admin/product-areas";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			String name = areas.delete(id);
			flash.success(redirect, "productArea.deleted", name);
		}
		catch (ProductAreaInUseException ex) {
			flash.error(redirect, ex);
		}
		catch (DataIntegrityViolationException ex) {
			// A ticket was raised for it at the same moment: the foreign key refused the delete.
			flash.error(redirect, "productArea.delete.raced");
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, "productArea.stale");
		}
		return "redirect:/admin/product-areas";
	}

	private String page(Model model) {
		model.addAttribute("areas", areas.overview());
		return "productareas/list";
	}

}
