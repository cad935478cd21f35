package io.queuedesk.system;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.Locale;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the app runs on, for the few queries that use what only PostgreSQL has
 * (LATERAL joins, full-text search) or that each writes its own way (an upsert). Read
 * once, on first use, from the connection's metadata.
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
