package io.queuedesk.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Test helpers for accounts: principals for MVC slices and rows for full-app tests. */
public final class TestUsers {

	private TestUsers() {
	}

	/** A signed-in principal as the login would build it, without touching a database. */
	public static SignedInUser signedIn(long id, String email, String displayName, Role... roles) {
		User user = new User(email, displayName, "{noop}unused", Set.of(roles), Instant.now()) {
			@Override
			public Long getId() {
				return id;
			}
		};
		return new SignedInUser(user, false);
	}

	/** {@link #signedIn}, with the language chosen at sign-in (null: the browser's). */
	public static SignedInUser signedIn(String language, long id, String email, String displayName, Role... roles) {
		User user = new User(email, displayName, "{noop}unused", Set.of(roles), Instant.now()) {
			@Override
			public Long getId() {
				return id;
			}
		};
		user.setLanguage(language);
		return new SignedInUser(user, false);
	}

	/** An email nobody else in the shared test database uses. */
	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
	}

	/**
	 * Inserts an account with plain SQL (so flags like active=false need no service);
	 * returns its id.
	 */
	public static long insert(JdbcClient jdbc, PasswordEncoder encoder, String email, String password, Role role,
			boolean active, boolean confirmed, Instant lockedUntil) {
		jdbc.sql("""
				insert into users (email, display_name, password_hash, active, confirmed, failed_login_count,
				  locked_until, created_at, version) values (?, ?, ?, ?, ?, 0, ?, ?, 0)
				""")
			.params(email, "Test " + email, encoder.encode(password), active, confirmed,
					lockedUntil == null ? null : Timestamp.from(lockedUntil), Timestamp.from(Instant.now()))
			.update();
		long id = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		jdbc.sql("insert into user_roles (user_id, role) values (?, ?)").params(id, role.name()).update();
		return id;
	}

}
