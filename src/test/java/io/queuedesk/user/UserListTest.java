package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

import io.queuedesk.StatementCounter;

/**
 * The admin user list: search, role and state filters, paging by display name, and a page
 * costs the same few statements whether it shows one user or many (roles come in one
 * query, no N+1). Each test run tags its users with a fresh word and searches for it, so
 * other tests' users in the shared database do not get in the way.
 */
@SpringBootTest
@Import(StatementCounter.class)
@WithUserDetails("admin@example.com")
class UserListTest {

	@Autowired
	UserAdminService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	final String tag = "lt" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void sixTaggedUsers() {
		insert("Anna " + tag, Role.DEVELOPER, true);
		insert("Bert " + tag, Role.DEVELOPER, true);
		insert("Cleo " + tag, Role.SUBMITTER, true);
		insert("Dora " + tag, Role.SUBMITTER, true);
		insert("Emil " + tag, Role.SUBMITTER, false);
		// Found by the email only.
		long id = TestUsers.insert(jdbc, encoder, tag + "-mail@test.example", "Right-pass-1", Role.ADMIN, false, true,
				null);
		jdbc.sql("update users set display_name = 'Fritz' where id = ?").param(id).update();
	}

	@Test
	void searchFindsEmailOrNameIgnoringCaseOrderedByName() {
		UserSlice page = service.list(filter(tag.toUpperCase(), null, null, 0, 50));

		assertThat(page.rows()).extracting(UserRow::displayName)
			.containsExactly("Anna " + tag, "Bert " + tag, "Cleo " + tag, "Dora " + tag, "Emil " + tag, "Fritz");
		assertThat(page.rows().get(0).roles()).containsExactly(Role.DEVELOPER);
		assertThat(page.rows().get(4).active()).isFalse();
	}

	@Test
	void roleAndStateFiltersCombineWithTheSearch() {
		assertThat(service.list(filter(tag, Role.DEVELOPER, null, 0, 50)).rows()).extracting(UserRow::displayName)
			.containsExactly("Anna " + tag, "Bert " + tag);
		assertThat(service.list(filter(tag, null, false, 0, 50)).rows()).extracting(UserRow::displayName)
			.containsExactly("Emil " + tag, "Fritz");
		assertThat(service.list(filter(tag, Role.SUBMITTER, true, 0, 50)).rows()).extracting(UserRow::displayName)
			.containsExactly("Cleo " + tag, "Dora " + tag);
	}

	@Test
	void pagesFollowTheDisplayName() {
		UserSlice second = service.list(filter(tag, null, null, 1, 2));

		assertThat(second.total()).isEqualTo(6);
		assertThat(second.capped()).isFalse();
		assertThat(second.previous()).isNotNull();
		assertThat(second.next()).isNotNull();
		assertThat(second.rows()).extracting(UserRow::displayName).containsExactly("Cleo " + tag, "Dora " + tag);
	}

	@Test
	void aPageIsAConstantNumberOfStatements() {
		int one = statementsFor(filter(tag, null, null, 0, 1));
		int all = statementsFor(filter(tag, null, null, 0, 50));
		int everybody = statementsFor(filter(null, null, null, 0, 200));

		// A capped count, the page query and one query for the roles.
		assertThat(one).isLessThanOrEqualTo(3);
		assertThat(all).isLessThanOrEqualTo(3);
		assertThat(everybody).isLessThanOrEqualTo(3);
	}

	private int statementsFor(UserFilter filter) {
		StatementCounter.reset();
		UserSlice page = service.list(filter);
		page.rows().forEach(row -> row.roles().size());
		assertThat(page.rows()).isNotEmpty();
		return StatementCounter.count();
	}

	private void insert(String name, Role role, boolean active) {
		long id = TestUsers.insert(jdbc, encoder, TestUsers.uniqueEmail("list"), "Right-pass-1", role, active, true,
				null);
		jdbc.sql("update users set display_name = ? where id = ?").params(name, id).update();
	}

	private static UserFilter filter(String q, Role role, Boolean active, int page, int size) {
		UserFilter filter = new UserFilter();
		filter.setQ(q);
		filter.setRole(role);
		filter.setActive(active);
		filter.setPage(page);
		filter.setSize(size);
		return filter;
	}

}
