package io.queuedesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.queuedesk.DatabaseRun;

/**
 * An empty database for a test that runs the application as a process (or several
 * contexts) of its own: the embedded default's H2 file in a directory of the test, or, in
 * the PostgreSQL and MariaDB runs, a database of its own on the run's server (the run's
 * database name plus a suffix), so the shared test database is not touched.
 */
public record ScratchDatabase(String name, String url, String user, String password, boolean embedded) {

	/**
	 * The production default URL ({@code application.properties}), its {@code ./data}
	 * under {@code directory}.
	 */
	public static ScratchDatabase embeddedDefault(Path directory) throws IOException {
		Properties production = new Properties();
		try (InputStream in = ScratchDatabase.class.getResourceAsStream("/application.properties")) {
			production.load(in);
		}
		String url = production.getProperty("spring.datasource.url");
		if (!url.startsWith("jdbc:h2:file:./data/queuedesk;")) {
			throw new IllegalStateException("The default database is no longer H2 in ./data: " + url);
		}
		return new ScratchDatabase("H2",
				url.replace("./data/queuedesk", directory.resolve("data/queuedesk").toString()), "", "", true);
	}

	/**
	 * A database next to the PostgreSQL or MariaDB run's own, created if missing, with
	 * nothing in it.
	 */
	public static ScratchDatabase server(String suffix) throws SQLException {
		String runUrl = System.getProperty("spring.datasource.url");
		int slash = runUrl.lastIndexOf('/');
		int query = runUrl.indexOf('?', slash);
		String database = (query < 0 ? runUrl.substring(slash + 1) : runUrl.substring(slash + 1, query)) + suffix;
		String url = runUrl.substring(0, slash + 1) + database + (query < 0 ? "" : runUrl.substring(query));
		String user = System.getProperty("spring.datasource.username", "postgres");
		String password = System.getProperty("spring.datasource.password", "");
		DatabaseRun.createEmpty(url, user, password);
		return new ScratchDatabase(DatabaseRun.name(), url, user, password, false);
	}

	/**
	 * Settings for the application. The embedded default needs none: a process started in
	 * the directory finds {@code ./data} there, and the command in this JVM gets the same
	 * URL.
	 */
	public List<String> settings() {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password);
	}

	/**
	 * One connection for the test's own checks (H2: only while no application has the
	 * file open).
	 */
	public SingleConnectionDataSource dataSource() {
		String jdbcUrl = embedded ? MigrationConnection.withoutQueryTimeout(url) : url;
		return new SingleConnectionDataSource(jdbcUrl, user, password, true);
	}

}
