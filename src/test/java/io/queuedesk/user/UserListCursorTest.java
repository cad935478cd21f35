package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.StatementCounter;

/**
 * The admin user list by cursor against the real database (UserListTest has search,
 * filters and page numbers on six users): 60 tagged users paged "next" and "previous" by
 * cursor, search in any part of the email, LIKE wildcards taken literally, the page with
 * its count, three statements per page. Users are named with a tag unique to the test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@WithMockUser(roles = "ADMIN")
class UserListCursorTest {

	@Autowired
	UserAdminService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void searchFiltersAndPagesByCursor() throws Exception {
		// 60 users "Tag Person 00".."59", every third a developer, every fifth inactive.
		List<Long> ids = IntStream.range(0, 60).mapToObj(i -> insert(i)).toList();

		StatementCounter.reset();
		UserSlice first = users.list(filter(tag.toUpperCase(), null, null));
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(3);
		assertThat(first.total()).isEqualTo(60);
		assertThat(first.capped()).isFalse();
		assertThat(first.rows()).extracting(UserRow::id).containsExactlyElementsOf(ids.subList(0, 50));
		assertThat(first.rows().get(0).roles()).containsExactly(Role.DEVELOPER, Role.SUBMITTER);
		assertThat(first.rows().get(1).roles()).containsExactly(Role.SUBMITTER);
		assertThat(first.previous()).isNull();

		UserFilter after = filter(tag, null, null);
		after.setAfter(first.next().toString());
		after.setPage(1);
		StatementCounter.reset();
		UserSlice second = users.list(after);
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(3);
		assertThat(second.rows()).extracting(UserRow::id).containsExactlyElementsOf(ids.subList(50, 60));
		assertThat(second.next()).isNull();

		UserFilter before = filter(tag, null, null);
		before.setBefore(second.previous().toString());
		assertThat(users.list(before).rows()).extracting(UserRow::id).containsExactlyElementsOf(ids.subList(0, 50));

		// A page number still works (first pages), the email matches too, filters narrow.
		UserFilter page2 = filter(tag, null, null);
		page2.setPage(1);
		assertThat(users.list(page2).rows()).extracting(UserRow::id).containsExactlyElementsOf(ids.subList(50, 60));
		assertThat(users.list(filter("person07-" + tag + "@", null, null)).rows()).extracting(UserRow::id)
			.containsExactly(ids.get(7));
		assertThat(users.list(filter(tag, Role.DEVELOPER, null)).total()).isEqualTo(20);
		assertThat(users.list(filter(tag, null, false)).rows()).extracting(UserRow::id)
			.containsExactlyElementsOf(IntStream.range(0, 60).filter(i -> i % 5 == 0).mapToObj(ids::get).toList());
		assertThat(users.list(filter(tag, Role.ADMIN, true)).rows()).isEmpty();
		assertThat(users.list(filter("100%_" + tag, null, null)).rows()).as("LIKE wildcards are literal").isEmpty();

		String html = mvc
			.perform(get("/admin/users").param("q", tag)
				.with(user(TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("60 users").contains("Page 1 of 2").contains("after=" + ids.get(49));
	}

	private long insert(int i) {
		String name = String.format("%s Person %02d", tag, i);
		String email = String.format("person%02d-%s@test.example", i, tag);
		jdbc.sql("""
				insert into users (email, display_name, password_hash, active, confirmed, created_at)
				values (?, ?, '{noop}x', ?, true, ?)""")
			.params(email, name, i % 5 != 0, new Timestamp(System.currentTimeMillis()))
			.update();
		long id = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		jdbc.sql("insert into user_roles (user_id, role) values (?, 'SUBMITTER')").param(id).update();
		if (i % 3 == 0) {
			jdbc.sql("insert into user_roles (user_id, role) values (?, 'DEVELOPER')").param(id).update();
		}
		return id;
	}

	private static UserFilter filter(String q, Role role, Boolean active) {
		UserFilter filter = new UserFilter();
		filter.setQ(q);
		filter.setRole(role);
		filter.setActive(active);
		return filter;
	}

}
