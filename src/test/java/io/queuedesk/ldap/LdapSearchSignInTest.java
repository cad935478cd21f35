package io.queuedesk.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.queuedesk.ldap.TestDirectory.Person;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.UserRows;

/**
 * Sign-in through the directory in search mode (manager bind,
 * {@code (|(uid={0})(mail={0}))} under {@code ou=people}, groups searched under
 * {@code ou=groups}; the admin group given by DN, the developer group by CN), against an
 * in-memory directory (docs/RULES.md#accounts, "Sign-in through the directory").
 */
@SpringBootTest
@AutoConfigureMockMvc
class LdapSearchSignInTest {

	static final TestDirectory directory = TestDirectory.start();

	/** By the environment variables' names, so that application.properties maps them. */
	@DynamicPropertySource
	static void ldap(DynamicPropertyRegistry registry) {
		registry.add("QUEUEDESK_LDAP_URL", directory::url);
		registry.add("QUEUEDESK_LDAP_USER_SEARCH_BASE", () -> "ou=people");
		registry.add("QUEUEDESK_LDAP_USER_SEARCH_FILTER", () -> "(|(uid={0})(mail={0}))");
		registry.add("QUEUEDESK_LDAP_MANAGER_DN", () -> TestDirectory.MANAGER_DN);
		registry.add("QUEUEDESK_LDAP_MANAGER_PASSWORD", () -> TestDirectory.MANAGER_PASSWORD);
		registry.add("QUEUEDESK_LDAP_GROUP_SEARCH_BASE", () -> "ou=groups");
		registry.add("QUEUEDESK_LDAP_GROUP_SEARCH_FILTER", () -> "(member={0})");
		registry.add("QUEUEDESK_LDAP_ADMIN_GROUP", () -> TestDirectory.ADMINS);
		registry.add("QUEUEDESK_LDAP_DEVELOPER_GROUP", () -> "Developers");
		registry.add("QUEUEDESK_LDAP_TIMEOUT", () -> "PT2S");
	}

	@AfterAll
	static void stopDirectory() {
		directory.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.queuedesk.user.UserService users;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void firstSignInProvisionsTheUserWithNameEmailAndRolesFromTheDirectory() throws Exception {
		mvc.perform(formLogin().user("ada").password("ada-Directory-1"))
			.andExpect(authenticated().withUsername("ada.lovelace@directory.example").withRoles("ADMIN", "SUBMITTER"))
			.andExpect(redirectedUrl("/"));

		Map<String, Object> row = row("ada.lovelace@directory.example");
		assertThat(row).containsEntry("display_name", "Ada Lovelace (IT)")
			.containsEntry("sign_in_source", "LDAP")
			.containsEntry("external_id", "ada")
			.containsEntry("password_hash", null)
			.containsEntry("active", true);
		long id = ((Number) row.get("id")).longValue();
		assertThat(roles(id)).containsExactlyInAnyOrder("ADMIN", "SUBMITTER");
		assertThat(actions(id)).containsExactly("USER_CREATED", "SIGNED_IN");
		assertThat(details(id, "USER_CREATED")).contains("provisioned from LDAP")
			.contains("uid=ada,ou=people,dc=example,dc=org");
	}

	@Test
	void firstSignInsAtTheSameMomentMakeOneAccountAndAllSignIn() throws Exception {
		Person person = directory.addPerson("race", "race-Directory-1");
		int tabs = 4;
		CyclicBarrier start = new CyclicBarrier(tabs);
		ExecutorService pool = Executors.newFixedThreadPool(tabs);
		try {
			List<Future<MvcResult>> results = new ArrayList<>();
			for (int i = 0; i < tabs; i++) {
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return mvc.perform(formLogin().user(person.login()).password(person.password())).andReturn();
				}));
			}
			for (Future<MvcResult> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS).getResponse().getRedirectedUrl()).isEqualTo("/");
			}
		}
		finally {
			pool.shutdownNow();
		}
		long id = id(person.mail());
		assertThat(actions(id)).containsOnlyOnce("USER_CREATED");
	}

	@Test
	void theUserSignsInWithTheLoginNameOrTheEmailAsTheSameAccount() throws Exception {
		Person person = directory.addPerson("either", "either-Way-1");
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withUsername(person.mail()).withRoles("SUBMITTER"));
		mvc.perform(formLogin().user(person.mail().toUpperCase()).password(person.password()))
			.andExpect(authenticated().withUsername(person.mail()));
		assertThat(
				jdbc.sql("select count(*) from users where email = ?").param(person.mail()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theColourModeChosenBeforeComesWithTheSignIn() throws Exception {
		Person person = directory.addPerson("darkmode", "darkmode-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		jdbc.sql("update users set color_mode = 'DARK' where email = ?").param(person.mail()).update();

		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withAuthentication(authentication -> assertThat(
					((io.queuedesk.user.SignedInUser) authentication.getPrincipal()).getColorMode())
				.isEqualTo(io.queuedesk.user.ColorMode.DARK)));
	}

	@Test
	void groupsGiveRolesAtEverySignInAndTakeThemAwayWhenTheMembershipIsGone() throws Exception {
		Person person = directory.addPerson("dev", "dev-Directory-1");
		directory.addToGroup(TestDirectory.DEVELOPERS, person);
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("DEVELOPER", "SUBMITTER"));

		directory.removeFromGroup(TestDirectory.DEVELOPERS, person);
		directory.addToGroup(TestDirectory.ADMINS, person);
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("ADMIN", "SUBMITTER"));
		long id = id(person.mail());
		assertThat(roles(id)).containsExactlyInAnyOrder("ADMIN", "SUBMITTER");
		assertThat(details(id, "ROLES_CHANGED")).contains("[DEVELOPER, SUBMITTER] → [ADMIN, SUBMITTER] by LDAP groups");

		directory.removeFromGroup(TestDirectory.ADMINS, person);
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("SUBMITTER"));
		assertThat(roles(id)).containsExactly("SUBMITTER");
	}

	@Test
	void theLastActiveAdminKeepsAdminWhenTheDirectoryTakesItAway() throws Exception {
		Person person = directory.addPerson("lastadmin", "lastadmin-Directory-1");
		directory.addToGroup(TestDirectory.ADMINS, person);
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("ADMIN", "SUBMITTER"));
		long id = id(person.mail());
		// For this test only, every other admin is deactivated (and then back).
		List<Long> others = jdbc.sql("""
				select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'ADMIN'
				where u.active and u.id <> ?""").param(id).query(Long.class).list();
		try {
			others.forEach(other -> jdbc.sql("update users set active = false where id = ?").param(other).update());
			directory.removeFromGroup(TestDirectory.ADMINS, person);
			mvc.perform(formLogin().user(person.login()).password(person.password()))
				.andExpect(authenticated().withRoles("ADMIN", "SUBMITTER"));
			assertThat(roles(id)).contains("ADMIN");
		}
		finally {
			others.forEach(other -> jdbc.sql("update users set active = true where id = ?").param(other).update());
		}
		// With other admins again, the directory's word holds.
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("SUBMITTER"));
	}

	@Test
	void wrongPasswordsCountTowardTheLockLikeLocalOnes() throws Exception {
		Person person = directory.addPerson("wrong", "right-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		long id = id(person.mail());

		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(i % 2 == 0 ? person.login() : person.mail()).password("wrong-Password-1"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(actions(id)).filteredOn("LOGIN_FAILED"::equals).hasSize(4);
		assertThat(row(person.mail()).get("locked_until")).isNull();

		mvc.perform(formLogin().user(person.login()).password("wrong-Password-1")).andExpect(unauthenticated());
		assertThat(actions(id)).contains("ACCOUNT_LOCKED");
		assertThat(row(person.mail()).get("locked_until")).isNotNull();

		// Locked: even the right password fails (the directory is not asked).
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anUnknownNameAndAWrongPasswordFailAlike() throws Exception {
		Person person = directory.addPerson("alike", "right-Directory-1");
		mvc.perform(formLogin().user("nobody-" + person.login()).password(person.password()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user(person.login()).password("wrong-Password-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user(person.login()).password(""))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		assertThat(
				jdbc.sql("select count(*) from users where email = ?").param(person.mail()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aDeactivatedUserIsRefusedEvenWithTheRightDirectoryPassword() throws Exception {
		Person person = directory.addPerson("gone", "gone-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		jdbc.sql("update users set active = false where email = ?").param(person.mail()).update();

		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user(person.mail()).password(person.password())).andExpect(unauthenticated());
		assertThat(actions(id(person.mail()))).containsOnlyOnce("SIGNED_IN");
	}

	@Test
	void aLocalAccountWithTheSameEmailIsLinkedAndLosesItsLocalPassword() throws Exception {
		Person person = directory.addPerson("linked", "linked-Directory-1");
		long localId = TestUsers.insert(jdbc, encoder, person.mail(), "local-Password-1", Role.DEVELOPER, true, false,
				null);

		// Unconfirmed local accounts cannot sign in with their password …
		mvc.perform(formLogin().user(person.mail()).password("local-Password-1")).andExpect(unauthenticated());
		// … but the directory vouches for the email: the same account, from now on LDAP,
		// and the developer group (configured, without this person) decides DEVELOPER.
		mvc.perform(formLogin().user(person.mail()).password(person.password()))
			.andExpect(authenticated().withUsername(person.mail()).withRoles("SUBMITTER"));

		Map<String, Object> row = row(person.mail());
		assertThat(((Number) row.get("id")).longValue()).isEqualTo(localId);
		assertThat(row).containsEntry("sign_in_source", "LDAP")
			.containsEntry("password_hash", null)
			.containsEntry("confirmed", true);
		assertThat(details(localId, "ACCOUNT_LINKED")).contains("LOCAL account linked to LDAP")
			.contains(person.dn())
			.contains("its local password was removed");
		assertThat(details(localId, "ROLES_CHANGED")).contains("[DEVELOPER] → [SUBMITTER] by LDAP groups");
		// The old local password opens nothing any more; the directory's does.
		mvc.perform(formLogin().user(person.mail()).password("local-Password-1")).andExpect(unauthenticated());
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withUsername(person.mail()));
	}

	@Test
	void aLocalAccountWhoseRightPasswordIsTypedStaysLocal() throws Exception {
		Person person = directory.addPerson("stays", "stays-Directory-1");
		TestUsers.insert(jdbc, encoder, person.mail(), "local-Password-1", Role.SUBMITTER, true, true, null);
		mvc.perform(formLogin().user(person.mail()).password("local-Password-1"))
			.andExpect(authenticated().withUsername(person.mail()));
		assertThat(row(person.mail())).containsEntry("sign_in_source", "LOCAL");
	}

	@Test
	void localAccountsKeepWorking() throws Exception {
		mvc.perform(formLogin().user("admin@example.com").password("adminP@55word"))
			.andExpect(authenticated().withUsername("admin@example.com").withRoles("ADMIN"));
		mvc.perform(formLogin().user("user@example.com").password("P@55word"))
			.andExpect(authenticated().withUsername("user@example.com"));
	}

	@Test
	void aDirectoryEntryWithoutEmailCannotSignIn() throws Exception {
		mvc.perform(formLogin().user("linus").password("linus-Directory-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void whenTheDirectoryIsDownItsUsersGetAClearMessageAndLocalAccountsStillSignIn() throws Exception {
		Person person = directory.addPerson("outage", "outage-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		directory.stop();
		try {
			Instant start = Instant.now();
			mvc.perform(formLogin().user(person.login()).password(person.password()))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?unavailable"));
			mvc.perform(formLogin().user("never-seen-" + person.login()).password(person.password()))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?unavailable"));
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
			// Not the user's fault: not counted toward the lock.
			assertThat(actions(id(person.mail()))).doesNotContain("LOGIN_FAILED");
			mvc.perform(get("/login").param("unavailable", ""))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("directory is not reachable")));

			// Local accounts are the break-glass path.
			mvc.perform(formLogin().user("admin@example.com").password("adminP@55word"))
				.andExpect(authenticated().withUsername("admin@example.com"));
			// A local account's wrong password is still a wrong password (and counts).
			String email = TestUsers.uniqueEmail("local-during-outage");
			long localId = TestUsers.insert(jdbc, encoder, email, "local-Password-1", Role.SUBMITTER, true, true, null);
			mvc.perform(formLogin().user(email).password("wrong-Password-1")).andExpect(redirectedUrl("/login?error"));
			assertThat(actions(localId)).containsExactly("LOGIN_FAILED");
		}
		finally {
			directory.restart();
		}
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
	}

	@Test
	void theLoginPageTakesADirectoryUserName() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Email or directory user name")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("type=\"text\" id=\"username\"")));
	}

	@Test
	void directoryUsersHaveNoPasswordHereToChangeOrReset() throws Exception {
		Person person = directory.addPerson("nopass", "nopass-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		long id = id(person.mail());
		var principal = principal(id);

		mvc.perform(get("/account/password").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("change your password in the directory")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("currentPassword"))));
		mvc.perform(post("/account/password").with(user(principal))
			.with(csrf())
			.param("currentPassword", person.password())
			.param("password", "new-Password-12")
			.param("confirmPassword", "new-Password-12")).andExpect(status().isOk());
		assertThat(row(person.mail())).containsEntry("password_hash", null);
		assertThat(actions(id)).doesNotContain("PASSWORD_CHANGED");

		mvc.perform(post("/password/forgot").with(csrf()).param("email", person.mail())).andExpect(status().isOk());
		assertThat(
				jdbc.sql("select count(*) from account_tokens where user_id = ?").param(id).query(Long.class).single())
			.isZero();
		mvc.perform(get("/password/forgot"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Queuedesk keeps no password for it")));
	}

	@Test
	void directoryUsersGetTheirSecondFactorFromTheDirectoryNotHere() throws Exception {
		Person person = directory.addPerson("nototp", "nototp-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		long id = id(person.mail());
		var principal = users.principalFor(person.mail()).orElseThrow();
		assertThat(principal.signsInLocally()).isFalse();

		mvc.perform(get("/account/2fa").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"two-factor-external\"")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("totp-secret"))));
		mvc.perform(post("/account/2fa/enable").with(user(principal)).with(csrf()).param("code", "123456"))
			.andExpect(status().isOk());
		assertThat(
				jdbc.sql("select count(*) from user_two_factor where user_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void theAdminsUserPageShowsHowTheUserSignsIn() throws Exception {
		Person person = directory.addPerson("shown", "shown-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		var admin = principal(id("admin@example.com"));
		mvc.perform(get("/admin/users/{id}", id(person.mail())).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Through the LDAP directory")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("as " + person.login())));
		mvc.perform(get("/admin/users/{id}", id("user@example.com")).with(user(admin)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("With a Queuedesk password")));
	}

	private io.queuedesk.user.SignedInUser principal(long id) {
		Map<String, Object> row = jdbc.sql("select email, display_name from users where id = ?")
			.param(id)
			.query()
			.singleRow();
		Role[] roles = roles(id).stream().map(Role::valueOf).toArray(Role[]::new);
		return TestUsers.signedIn(id, (String) row.get("email"), (String) row.get("display_name"), roles);
	}

	private Map<String, Object> row(String email) {
		return jdbc.sql("select * from users where email = ?").param(email).query().singleRow();
	}

	private long id(String email) {
		return UserRows.id(jdbc, email);
	}

	private List<String> roles(long id) {
		return UserRows.roles(jdbc, id);
	}

	private List<String> actions(long id) {
		return UserRows.actions(jdbc, id);
	}

	private String details(long id, String action) {
		return UserRows.details(jdbc, id, action);
	}

}
