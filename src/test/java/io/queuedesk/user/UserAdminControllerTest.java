package io.queuedesk.user;

import static io.queuedesk.system.FieldErrorCodes.anyFieldErrorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.queuedesk.activity.ActivityService;
import io.queuedesk.system.Flash;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SliceSecurity;

/**
 * /admin/users: fields and labels, errors next to fields, flash messages, admins only,
 * CSRF.
 */
@WebMvcTest(UserAdminController.class)
@Import({ SliceSecurity.class, Flash.class })
class UserAdminControllerTest {

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	final SignedInUser developer = TestUsers.signedIn(2, "dev@test.example", "Dev", Role.DEVELOPER);

	final User sam = account(7, "sam@test.example", "Sam Submitter", Role.SUBMITTER);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserAdminService users;

	@MockitoBean
	ActivityService activity;

	@BeforeEach
	void data() {
		given(users.list(any())).willReturn(
				new UserSlice(
						List.of(new UserRow(1, "admin@test.example", "Ada Admin",
								EnumSet.of(Role.ADMIN, Role.DEVELOPER), true, null, false),
								new UserRow(7, "sam@test.example", "Sam Submitter", EnumSet.of(Role.SUBMITTER), false,
										Instant.parse("2030-01-01T10:00:00Z"), true)),
						0, 2, 5, false, null, 7L, false));
		given(users.get(7)).willReturn(sam);
		given(activity.recentHistoryOfUser(anyLong(), anyInt(), anyInt())).willReturn(new PageImpl<>(List.of()));
	}

	@Test
	void listShowsRolesAndStateAsTextWithFiltersAndPages() throws Exception {
		mvc.perform(get("/admin/users").with(user(admin)).param("q", "sam").param("role", "SUBMITTER"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/list"))
			.andExpect(content().string(allOf(containsString("Ada Admin"), containsString("Admin, Developer"),
					containsString(">Active<"), containsString(">Inactive<"), containsString("Locked until 2030-01-01"),
					containsString("href=\"/admin/users/7\""), containsString("for=\"filter-q\""),
					containsString("for=\"filter-role\""), containsString("for=\"filter-active\""),
					containsString("Page 1 of 3"), containsString("after=7"), containsString("page=1"),
					containsString("5 users"))));
	}

	@Test
	void badFilterValuesAreIgnoredWithAWarning() throws Exception {
		mvc.perform(get("/admin/users").with(user(admin)).param("role", "GOD").param("active", "maybe"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The role filter was not valid and was ignored."),
					containsString("The state filter was not valid and was ignored."))));
		ArgumentCaptor<UserFilter> filter = ArgumentCaptor.forClass(UserFilter.class);
		verify(users).list(filter.capture());
		assertThat(filter.getValue().getRole()).isNull();
		assertThat(filter.getValue().getActive()).isNull();
	}

	@Test
	void newFormHasLabelledFieldsAndRoleCheckboxes() throws Exception {
		mvc.perform(get("/admin/users/new").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("for=\"email\""), containsString("for=\"displayName\""),
					containsString("for=\"password\""), containsString("for=\"confirmPassword\""),
					containsString("name=\"generatePassword\""), containsString("id=\"role-ADMIN\" value=\"ADMIN\""),
					containsString("for=\"role-SUBMITTER\""), containsString("<legend"))));
	}

	@Test
	void missingFieldsAndUnknownRolesAreFieldErrors() throws Exception {
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "not-an-email")
			.param("displayName", " ")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "NotEmpty"))
			.andExpect(content()
				.string(allOf(containsString("id=\"roles-error\""), containsString("aria-describedby=\"roles-error\""),
						containsString("Choose at least one role."), containsString("id=\"email-error\""))));

		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "x@test.example")
			.param("displayName", "X")
			.param("roles", "GOD")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "user.roles.unknown"))
			.andExpect(content().string(containsString("Choose roles from the list")));
		verify(users, never()).create(any(), any());
	}

	/**
	 * Issue 12: the record failed to bind, the page read {@code ${form.roles}} of a null
	 * form: 500.
	 */
	@Test
	void aFlagThatIsNoBooleanIsAFieldErrorAndTheFormKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "x@test.example")
			.param("displayName", "Xavier")
			.param("roles", "DEVELOPER")
			.param("generatePassword", "abc"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "generatePassword", "typeMismatch"))
			.andExpect(content().string(allOf(containsString("id=\"generatePassword-error\""),
					containsString("aria-describedby=\"generatePassword-help generatePassword-error\""),
					containsString("Tick the box or leave it empty."), containsString("value=\"Xavier\""),
					matchesPattern("(?s).*value=\"DEVELOPER\"[^>]*checked.*"))));
		verify(users, never()).create(any(), any());
	}

	@Test
	void typedPasswordsFollowThePasswordPolicy() throws Exception {
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "x@test.example")
			.param("displayName", "X")
			.param("roles", "SUBMITTER")
			.param("password", "Long-enough-1")
			.param("confirmPassword", "Long-enough-2"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"))
			.andExpect(content().string(
					allOf(containsString("The two passwords do not match."), not(containsString("Long-enough-1")))));
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "x@test.example")
			.param("displayName", "X")
			.param("roles", "SUBMITTER")
			.param("password", "short")
			.param("confirmPassword", "short"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.length"));
		verify(users, never()).create(any(), any());
	}

	@Test
	void controlCharactersInTheNameAreAFieldErrorNotATakenEmail() throws Exception {
		// Issue 12: "n\0ame" once answered "An account with this email exists".
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "x@test.example")
			.param("displayName", "n\0ame")
			.param("roles", "SUBMITTER")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "CleanText"))
			.andExpect(content().string(allOf(containsString("must not contain control characters"),
					not(containsString("An account with this email exists")))));
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "x\u0007@test.example")
			.param("displayName", "\u202E\u200B\uFEFF")
			.param("roles", "SUBMITTER")
			.param("generatePassword", "true"))
			.andExpect(anyFieldErrorCode("form", "email", "CleanText"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "CleanText"));
		verify(users, never()).create(any(), any());
	}

	@Test
	void aDuplicateEmailIsAFieldError() throws Exception {
		given(users.create(any(), any())).willThrow(new DuplicateEmailException("sam@test.example"));
		mvc.perform(post("/admin/users/new").with(user(admin))
			.with(csrf())
			.param("email", "SAM@test.example")
			.param("displayName", "Sam")
			.param("roles", "SUBMITTER")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "user.email.taken"))
			.andExpect(content().string(containsString("An account with this email exists")));
	}

	@Test
	void aGeneratedPasswordGoesToTheNextPageOnlyAsAFlash() throws Exception {
		String generated = PasswordGenerator.generate();
		given(users.create(any(), any())).willReturn(new UserAdminService.Created(sam, generated));
		MvcResult result = mvc
			.perform(post("/admin/users/new").with(user(admin))
				.with(csrf())
				.param("email", "sam@test.example")
				.param("displayName", "Sam Submitter")
				.param("roles", "SUBMITTER", "DEVELOPER")
				.param("generatePassword", "true"))
			.andExpect(redirectedUrl("/admin/users/7"))
			.andExpect(flash().attribute("flashSuccess", "User sam@test.example was created."))
			.andExpect(flash().attribute("generatedPassword", matchesPattern("\\S{20}")))
			.andReturn();
		ArgumentCaptor<UserAdminService.NewAccount> created = ArgumentCaptor
			.forClass(UserAdminService.NewAccount.class);
		verify(users).create(created.capture(), eq(admin));
		String password = (String) result.getFlashMap().get("generatedPassword");
		// The service generates the password (no typed one asked for) and answers it; the
		// flash shows that one.
		assertThat(created.getValue().typedPassword()).isNull();
		assertThat(password).isEqualTo(generated);
		assertThat(created.getValue().roles()).containsExactlyInAnyOrder(Role.SUBMITTER, Role.DEVELOPER);

		mvc.perform(get("/admin/users/7").with(user(admin)).flashAttr("generatedPassword", password))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(password), containsString("it will not be shown again"))));
		mvc.perform(get("/admin/users/7").with(user(admin)))
			.andExpect(content().string(not(containsString("it will not be shown again"))));
	}

	@Test
	void detailShowsTheAccountAndItsForms() throws Exception {
		mvc.perform(get("/admin/users/7").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/detail"))
			.andExpect(content().string(allOf(containsString("sam@test.example"), containsString("Submitter"),
					containsString("action=\"/admin/users/7/active\""),
					containsString("action=\"/admin/users/7/roles\""),
					matchesPattern("(?s).*value=\"SUBMITTER\"\\s+aria-invalid=\"false\" checked.*"),
					containsString("Nothing recorded"))));
	}

	@Test
	void unknownUsersAre404() throws Exception {
		given(users.get(99)).willThrow(new NotFoundException("User", 99));
		mvc.perform(get("/admin/users/99").with(user(admin))).andExpect(status().isNotFound());
	}

	@Test
	void refusalsAndSuccessesRedirectWithAFlash() throws Exception {
		given(users.setActive(1, false, admin)).willThrow(new UserChangeRefusedException("user.deactivate.self"));
		mvc.perform(post("/admin/users/1/active").with(user(admin)).with(csrf()).param("active", "false"))
			.andExpect(redirectedUrl("/admin/users/1"))
			.andExpect(flash().attribute("flashError", "You can't deactivate yourself."));

		given(users.changeRoles(7, EnumSet.of(Role.DEVELOPER), admin))
			.willThrow(new UserChangeRefusedException("user.lastAdmin", "Sam Submitter"));
		mvc.perform(post("/admin/users/7/roles").with(user(admin)).with(csrf()).param("roles", "DEVELOPER"))
			.andExpect(redirectedUrl("/admin/users/7"))
			.andExpect(flash().attribute("flashError", containsString("Sam Submitter is the last active admin")));

		given(users.setActive(7, false, admin)).willReturn(sam);
		mvc.perform(post("/admin/users/7/active").with(user(admin)).with(csrf()).param("active", "false"))
			.andExpect(flash().attribute("flashSuccess", containsString("sam@test.example is deactivated")));
	}

	@Test
	void unknownRolesInARoleChangeAreRefusedWithoutCallingTheService() throws Exception {
		mvc.perform(post("/admin/users/7/roles").with(user(admin)).with(csrf()).param("roles", "ADMIN", "GOD"))
			.andExpect(redirectedUrl("/admin/users/7"))
			.andExpect(flash().attribute("flashError", containsString("Choose roles from the list")));
		verify(users, never()).changeRoles(anyLong(), any(), any());
	}

	@Test
	void nonAdminsAreForbidden() throws Exception {
		mvc.perform(get("/admin/users").with(user(developer))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/new").with(user(developer))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/new").with(user(developer)).with(csrf()).param("email", "x@test.example"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/7/active").with(user(developer)).with(csrf()).param("active", "false"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/7/roles").with(user(developer)).with(csrf()).param("roles", "ADMIN"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(users);
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/admin/users/new").with(user(admin)).param("email", "x@test.example"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/7/active").with(user(admin)).param("active", "false"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/7/roles").with(user(admin)).param("roles", "ADMIN"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(users);
	}

	/** An account as loaded from the database, with an id. */
	static User account(long id, String email, String name, Role... roles) {
		return new User(email, name, "{noop}unused", Set.of(roles), Instant.parse("2026-01-02T03:04:05Z")) {
			@Override
			public Long getId() {
				return id;
			}
		};
	}

}
