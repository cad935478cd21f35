package io.queuedesk.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.ldap.TestDirectory.Person;

/**
 * Sign-in through the directory in DN-pattern mode ({@code uid={0},ou=people}, no manager
 * account, no group search): the user binds with the DN made from the typed name and the
 * groups are the entry's {@code memberOf} values, as on Active Directory. The admin group
 * is given by CN, the developer group by a DN relative to the URL's base.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LdapDnPatternSignInTest {

	static final TestDirectory directory = TestDirectory.start();

	/** By the environment variables' names, so that application.properties maps them. */
	@DynamicPropertySource
	static void ldap(DynamicPropertyRegistry registry) {
		registry.add("QUEUEDESK_LDAP_URL", directory::url);
		registry.add("QUEUEDESK_LDAP_USER_DN_PATTERN", () -> "uid={0},ou=people");
		registry.add("QUEUEDESK_LDAP_ADMIN_GROUP", () -> "ADMINS");
		registry.add("QUEUEDESK_LDAP_DEVELOPER_GROUP", () -> "cn=developers,ou=groups");
	}

	@AfterAll
	static void stopDirectory() {
		directory.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bindWithTheDnPatternProvisionsTheUserWithRolesFromMemberOf() throws Exception {
		mvc.perform(formLogin().user("grace").password("grace-Directory-1"))
			.andExpect(
					authenticated().withUsername("grace.hopper@directory.example").withRoles("DEVELOPER", "SUBMITTER"));
		Map<String, Object> row = jdbc.sql("select * from users where email = ?")
			.param("grace.hopper@directory.example")
			.query()
			.singleRow();
		// No displayName in the entry: the cn is the name.
		assertThat(row).containsEntry("display_name", "Grace Hopper")
			.containsEntry("sign_in_source", "LDAP")
			.containsEntry("external_id", "grace");
	}

	@Test
	void memberOfGivesAndTakesRolesAtEverySignIn() throws Exception {
		Person person = directory.addPerson("member", "member-Directory-1");
		directory.setMemberOf(person, TestDirectory.ADMINS, "cn=others,ou=groups," + TestDirectory.BASE);
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("ADMIN", "SUBMITTER"));

		directory.setMemberOf(person, TestDirectory.DEVELOPERS);
		mvc.perform(formLogin().user(person.login()).password(person.password()))
			.andExpect(authenticated().withRoles("DEVELOPER", "SUBMITTER"));
		assertThat(roles(person.mail())).containsExactly("DEVELOPER", "SUBMITTER");
	}

	@Test
	void anAccountThatSignedInOnceMayTypeItsEmailInstead() throws Exception {
		Person person = directory.addPerson("byemail", "byemail-Directory-1");
		// The DN pattern makes no DN of an email that the directory does not know yet …
		mvc.perform(formLogin().user(person.mail()).password(person.password()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		// … but once the account knows its directory login, the email leads to it.
		mvc.perform(formLogin().user(person.mail()).password(person.password()))
			.andExpect(authenticated().withUsername(person.mail()));
	}

	@Test
	void wrongPasswordAndUnknownUserFailWithTheGenericMessage() throws Exception {
		Person person = directory.addPerson("dnwrong", "dnwrong-Directory-1");
		mvc.perform(formLogin().user(person.login()).password(person.password())).andExpect(authenticated());
		mvc.perform(formLogin().user(person.login()).password("wrong-Password-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user("nobody-" + person.login()).password(person.password()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		// A name that would change the DN's structure is escaped, not obeyed.
		mvc.perform(formLogin().user(person.login() + ",ou=people").password(person.password()))
			.andExpect(unauthenticated());
		List<String> actions = jdbc
			.sql("select a.action from activity_log a join users u on u.id = a.target_user_id where u.email = ?")
			.param(person.mail())
			.query(String.class)
			.list();
		assertThat(actions).containsOnlyOnce("LOGIN_FAILED");
	}

	@Test
	void localAccountsKeepWorking() throws Exception {
		mvc.perform(formLogin().user("developer1@example.com").password("P@55word"))
			.andExpect(authenticated().withUsername("developer1@example.com").withRoles("DEVELOPER"));
	}

	private List<String> roles(String email) {
		return jdbc
			.sql("select r.role from user_roles r join users u on u.id = r.user_id where u.email = ? order by r.role")
			.param(email)
			.query(String.class)
			.list();
	}

}
