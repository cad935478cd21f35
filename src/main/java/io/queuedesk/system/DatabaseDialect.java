package io.queuedesk.system;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.Locale;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the app runs on (H2, PostgreSQL, or MariaDB/MySQL), for the few queries
 * that use what only one of them has (LATERAL joins, full-text search, lock strengths) or
 * that each writes its own way (an upsert). Read once, on first use, from the
 * connection's metadata.
 */
@Component
public class DatabaseDialect {

	private final DataSource dataSource;

	private volatile String product;

	DatabaseDialect(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public boolean isPostgres() {
		return product().contains("postgres");
	}

	/** The embedded default. */
	public boolean isH2() {
		return product().equals("h2");
	}

	/** MariaDB, or MySQL (served by the same driver and migrations). */
	public boolean isMariaDb() {
		return product().equals("mariadb") || product().equals("mysql");
	}

	private String product() {
		String known = product;
		if (known == null) {
			known = productName().toLowerCase(Locale.ROOT);
			product = known;
		}
		return known;
	}

	private String productName() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database product name", ex);
		}
	}

}
