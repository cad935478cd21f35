package io.queuedesk.demo;

import java.io.PrintStream;

import org.flywaydb.core.Flyway;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import io.queuedesk.system.CliCommand;
import io.queuedesk.system.CommandRunner;

/**
 * {@code reset-database [--force]}: drops every table and migrates again, leaving an
 * empty database. A database server (PostgreSQL, MariaDB, MySQL) is treated as production
 * and needs {@code --force}; only the embedded H2 is reset without.
 */
@Component
class ResetDatabaseCommand implements CliCommand {

	private final Flyway flyway;

	private final DatabaseInfo database;

	ResetDatabaseCommand(Flyway flyway, DatabaseInfo database) {
		this.flyway = flyway;
		this.database = database;
	}

	@Override
	public String name() {
		return "reset-database";
	}

	@Override
	public String usage() {
		return "reset-database [--force]   (PostgreSQL and MariaDB/MySQL need --force)";
	}

	@Override
	public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
		if (!database.isEmbedded() && !args.containsOption("force")) {
			err.println("error: refusing to reset a " + database.productName()
					+ " database, which is treated as production. Add --force to delete all its data.");
			return CommandRunner.EXIT_FAILURE;
		}
		// Clean is disabled in the application's own Flyway; allow it for this one
		// explicit call.
		Flyway resetter = Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load();
		resetter.clean();
		resetter.migrate();
		out.println("Database reset: all data deleted, schema migrated. Run populate-database for demo data.");
		return 0;
	}

}
