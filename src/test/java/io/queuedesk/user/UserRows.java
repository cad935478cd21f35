package io.queuedesk.user;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database holds about a user, read by the sign-in tests (directory, single
 * sign-on): the id, the roles, the activity entries about them.
 */
public final class UserRows {

	private UserRows() {
	}

	public static long id(JdbcClient jdbc, String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	/** The user's roles, by name, sorted. */
	public static List<String> roles(JdbcClient jdbc, long id) {
		return jdbc.sql("select role from user_roles where user_id = ? order by role")
			.param(id)
			.query(String.class)
			.list();
	}

	/** The actions of the activity entries about the user, oldest first. */
	public static List<String> actions(JdbcClient jdbc, long id) {
		return jdbc.sql("select action from activity_log where target_user_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

	/** The details of the user's entries with that action, oldest first, one a line. */
	public static String details(JdbcClient jdbc, long id, String action) {
		return String.join("\n",
				jdbc.sql("select details from activity_log where target_user_id = ? and action = ? order by id")
					.params(id, action)
					.query(String.class)
					.list());
	}

}
