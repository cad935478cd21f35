package io.queuedesk.demo;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Tells the embedded H2 default apart from a production database server (PostgreSQL,
 * MariaDB).
 */
@Component
class DatabaseInfo {

	private final DataSource dataSource;

	DatabaseInfo(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	boolean isEmbedded() {
		return productName().equalsIgnoreCase("H2");
	}

	String productName() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database product name", ex);
		}
	}

}
