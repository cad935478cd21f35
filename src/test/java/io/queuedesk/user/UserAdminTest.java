package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * User management through the real security, services, transactions and database
 * (docs/RULES.md#accounts): creating accounts that can sign in, the rules that refuse a
 * change (and change nothing), and the audit entries. The acting admin is the demo admin;
 * targets are fresh accounts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class UserAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CreateUserCommand createUserCommand;

	SignedInUser admin;

	@BeforeEach
	void signInAsTheDemoAdmin() {
		admin = (SignedInUser) accounts.loadUserByUsername("admin@example.com");
	}

	@Test
	void aGeneratedPasswordIsShownOnceAndSignsIn() throws Exception {
		String email = TestUsers.uniqueEmail("Generated.User").replace("@test.example", "@Test.Example");
		String stored = email.toLowerCase(Locale.ROOT);

		MvcResult result = mvc
			.perform(asAdmin(post("/admin/users/new")).param("email", email)
				.param("displayName", "Gene Rated")
				.param("roles", "DEVELOPER", "SUBMITTER")
				.param("generatePassword", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		long id = idOf(stored);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id)
			.doesNotContain((String) result.getFlashMap().get("generatedPassword"));
		String password = (String) result.getFlashMap().get("generatedPassword");
		assertThat(password).hasSizeGreaterThanOrEqualTo(16);
		mvc.perform(formLogin().user(email).password(password)).andExpect(authenticated().withUsername(stored));
		assertThat(roles(id)).containsExactly("DEVELOPER", "SUBMITTER");
		assertThat(entries(id, "USER_CREATED")).containsExactly("admin@example.com");
		assertThat(events.stream(UserEvents.AccountCreated.class))
			.containsExactly(new UserEvents.AccountCreated(id, stored, "Gene Rated"));
	}

	@Test
	void aTypedPasswordSignsIn() throws Exception {
		String email = TestUsers.uniqueEmail("typed");
		mvc.perform(asAdmin(post("/admin/users/new")).param("email", email)
			.param("displayName", "Ty Ped")
			.param("roles", "SUBMITTER")
			.param("password", "Typed-pass-1")
			.param("confirmPassword", "Typed-pass-1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeCount(1));

		mvc.perform(formLogin().user(email).password("Typed-pass-1")).andExpect(authenticated());
		assertThat(events.stream(UserEvents.AccountCreated.class)).extracting(UserEvents.AccountCreated::email)
			.containsExactly(email);
	}

	@Test
	void anEmailTakenInAnotherCaseIsAFieldError() throws Exception {
		String email = TestUsers.uniqueEmail("taken");
		TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);

		mvc.perform(asAdmin(post("/admin/users/new")).param("email", email.toUpperCase(Locale.ROOT))
			.param("displayName", "Second")
			.param("roles", "SUBMITTER")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "user.email.taken"));

		assertThat(jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);
		assertThat(events.stream(UserEvents.AccountCreated.class)).isEmpty();
	}

	@Test
	void unknownAndMissingRolesAreFieldErrorsAndCreateNothing() throws Exception {
		String email = TestUsers.uniqueEmail("no-role");
		mvc.perform(asAdmin(post("/admin/users/new")).param("email", email)
			.param("displayName", "No Role")
			.param("roles", "GOD")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "user.roles.unknown"));
		mvc.perform(asAdmin(post("/admin/users/new")).param("email", email)
			.param("displayName", "No Role")
			.param("generatePassword", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "NotEmpty"));

		assertThat(jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void nobodyDeactivatesThemselvesOrDropsTheirOwnAdminRole() throws Exception {
		mvc.perform(asAdmin(post("/admin/users/{id}/active", admin.getId())).param("active", "false"))
			.andExpect(flash().attribute("flashError", "You can't deactivate yourself."));
		mvc.perform(asAdmin(post("/admin/users/{id}/roles", admin.getId())).param("roles", "DEVELOPER"))
			.andExpect(flash().attribute("flashError", "You can't remove your own Admin role; another admin can."));

		assertThat(jdbc.sql("select active from users where id = ?").param(admin.getId()).query(Boolean.class).single())
			.isTrue();
		assertThat(roles(admin.getId())).containsExactly("ADMIN");
	}

	@Test
	void rolesAreNeverEmptyOrUnknown() throws Exception {
		long id = TestUsers.insert(jdbc, encoder, TestUsers.uniqueEmail("roles"), "Right-pass-1", Role.SUBMITTER, true,
				true, null);
		mvc.perform(asAdmin(post("/admin/users/{id}/roles", id)))
			.andExpect(flash().attribute("flashError", "A user needs at least one role."));
		mvc.perform(asAdmin(post("/admin/users/{id}/roles", id)).param("roles", "GOD"))
			.andExpect(flash().attribute("flashError", "Choose roles from the list (Admin, Developer, Submitter)."));

		assertThat(roles(id)).containsExactly("SUBMITTER");
		assertThat(entries(id, "ROLES_CHANGED")).isEmpty();
	}

	@Test
	void roleChangesAndDeactivationAreRecorded() throws Exception {
		String email = TestUsers.uniqueEmail("changed");
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);

		mvc.perform(asAdmin(post("/admin/users/{id}/roles", id)).param("roles", "SUBMITTER", "DEVELOPER"))
			.andExpect(flash().attribute("flashSuccess", "The roles of " + email + " were changed."));
		mvc.perform(asAdmin(post("/admin/users/{id}/active", id)).param("active", "false"))
			.andExpect(flash().attributeExists("flashSuccess"));
		mvc.perform(asAdmin(post("/admin/users/{id}/active", id)).param("active", "true"))
			.andExpect(flash().attributeExists("flashSuccess"));

		assertThat(roles(id)).containsExactly("DEVELOPER", "SUBMITTER");
		assertThat(jdbc.sql("select details from activity_log where action = 'ROLES_CHANGED' and target_user_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("roles: [SUBMITTER] → [DEVELOPER, SUBMITTER]");
		assertThat(entries(id, "USER_DEACTIVATED")).containsExactly("admin@example.com");
		assertThat(entries(id, "USER_ACTIVATED")).containsExactly("admin@example.com");
	}

	@Test
	void unknownUsersAre404() throws Exception {
		mvc.perform(asAdmin(post("/admin/users/{id}/active", Long.MAX_VALUE)).param("active", "true"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCreateUserCommandAnnouncesNoAccount() {
		String email = TestUsers.uniqueEmail("operator");
		int exit = createUserCommand.run(
				new DefaultApplicationArguments("--email=" + email, "--password=Str0ng-pass", "--role=ADMIN"),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

		assertThat(exit).isZero();
		assertThat(idOf(email)).isPositive();
		assertThat(events.stream(UserEvents.AccountCreated.class)).isEmpty();
		// Leave no extra active admin behind for tests that count admins.
		jdbc.sql("update users set active = false where email = ?").param(email).update();
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user(admin)).with(csrf());
	}

	private long idOf(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	private List<String> roles(long id) {
		return jdbc.sql("select role from user_roles where user_id = ? order by role")
			.param(id)
			.query(String.class)
			.list();
	}

	private List<String> entries(long id, String action) {
		return jdbc.sql("select actor_email from activity_log where action = ? and target_user_id = ?")
			.params(action, id)
			.query(String.class)
			.list();
	}

}
