package io.queuedesk.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.activity.ActivityEntry;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.system.Flash;
import io.queuedesk.system.PageLinks;

/**
 * /admin/users: list, create, and a user's page with (de)activation, roles and history
 * (admins).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	static final int HISTORY_SIZE = 20;

	private final UserAdminService users;

	private final ActivityService activity;

	private final Flash flash;

	UserAdminController(UserAdminService users, ActivityService activity, Flash flash) {
		this.users = users;
		this.activity = activity;
		this.flash = flash;
	}

	/**
	 * A malformed filter value (role=GOD, active=maybe) is reported and ignored, never a
	 * 500.
	 */
	@GetMapping
	String list(@ModelAttribute("filter") UserFilter filter, BindingResult result, Model model) {
		UserSlice page = users.list(filter);
		model.addAttribute("users", page.rows());
		model.addAttribute("pages", page.links());
		model.addAttribute("tooDeep", page.tooDeep());
		model.addAttribute("maxOffset", UserAdminService.MAX_OFFSET);
		model.addAttribute("roles", Role.values());
		model.addAttribute("filterProblems", result.getFieldErrors().stream().map(flash::text).toList());
		return "admin/users/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", NewUserForm.empty());
		return newPage(model);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
		Optional<Set<Role>> roles = RoleNames.parse(form.roles());
		if (roles.isEmpty()) {
			result.rejectValue("roles", "user.roles.unknown");
		}
		form.passwordProblem().ifPresent(problem -> result.rejectValue(problem.field(), problem.code()));
		if (result.hasErrors()) {
			return newPage(model);
		}
		try {
			UserAdminService.Created created = users.create(form.toNewAccount(roles.get()), me);
			flash.success(redirect, "user.created", created.user().getEmail());
			if (created.generatedPassword() != null) {
				// Shown once on the next page, from the flash: never in a URL or the log.
				redirect.addFlashAttribute("generatedPassword", created.generatedPassword());
			}
			return "redirect:/admin/users/" + created.user().getId();
		}
		catch (DuplicateEmailException ex) {
			result.rejectValue("email", "user.email.taken");
			return newPage(model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		User user = users.get(id);
		Page<ActivityEntry> history = activity.recentHistoryOfUser(id, page, HISTORY_SIZE);
		model.addAttribute("user", user);
		model.addAttribute("self", me.getId().equals(user.getId()));
		model.addAttribute("locked", users.isLocked(user));
		model.addAttribute("twoFactor", users.hasTwoFactor(user));
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("history", history.getContent());
		model.addAttribute("pages", PageLinks.of(history));
		return "admin/users/detail";
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes redirect) {
		try {
			User user = users.setActive(id, active, me);
			flash.success(redirect, active ? "user.activated" : "user.deactivated", user.getEmail());
		}
		catch (UserChangeRefusedException ex) {
			flash.error(redirect, ex);
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, "user.stale");
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/roles")
	String changeRoles(@PathVariable long id, @RequestParam(name = "roles", required = false) List<String> roles,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		Optional<Set<Role>> parsed = RoleNames.parse(roles);
		if (parsed.isEmpty()) {
			flash.error(redirect, "user.roles.unknown");
			return "redirect:/admin/users/" + id;
		}
		try {
			User user = users.changeRoles(id, parsed.get(), me);
			flash.success(redirect, "user.rolesChanged", user.getEmail());
		}
		catch (UserChangeRefusedException ex) {
			flash.error(redirect, ex);
		}
		catch (OptimisticLockingFailureException ex) {
			flash.error(redirect, "user.stale");
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/two-factor/reset")
	String resetTwoFactor(@PathVariable long id, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes redirect) {
		User user = users.get(id);
		if (users.resetTwoFactor(id, me)) {
			flash.success(redirect, "user.twoFactor.wasReset", user.getEmail());
		}
		else {
			flash.error(redirect, "user.twoFactor.wasOff", user.getEmail());
		}
		return "redirect:/admin/users/" + id;
	}

	private String newPage(Model model) {
		model.addAttribute("allRoles", Role.values());
		return "admin/users/new";
	}

}
