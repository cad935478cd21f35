package io.queuedesk.system;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.Locale;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the app runs on, for the few queries that use what only PostgreSQL has
 * (LATERAL joins, full-text search). Read once, on first use, from the connection's
 * metadata.
 */
@Component
public class DatabaseDialect {

	private final DataSource dataSource;

	private volatile Boolean postgres;

	DatabaseDialect(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public boolean isPostgres() {
		Boolean known = postgres;
		if (known == null) {
			known = productName().toLowerCase(Locale.ROOT).contains("postgres");
			postgres = known;
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
