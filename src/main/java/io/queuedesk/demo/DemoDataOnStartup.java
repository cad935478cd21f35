package io.queuedesk.demo;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.queuedesk.system.CommandRunner;

/**
 * Creates the demo data on start-up. {@code auto} (the default): only on the very first
 * start of the embedded H2 database, so production PostgreSQL starts empty; {@code true}:
 * whenever the demo users are missing; {@code false}: never. Commands never trigger it.
 */
@Component
class DemoDataOnStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataOnStartup.class);

	private final DemoData demoData;

	private final DatabaseInfo database;

	private final String mode;

	private final boolean runningCommand;

	DemoDataOnStartup(DemoData demoData, DatabaseInfo database, DemoSettings settings,
			@Value("${" + CommandRunner.COMMAND_PROPERTY + ":}") String command) {
		this.demoData = demoData;
		this.database = database;
		this.mode = settings.demoData();
		this.runningCommand = !command.isEmpty();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (runningCommand) {
			return;
		}
		boolean wanted = switch (mode.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			case "auto" -> database.isEmbedded() && demoData.isDatabaseEmpty();
			default -> throw new IllegalStateException("queuedesk.demo-data must be auto, true or false, not " + mode);
		};
		if (wanted && demoData.loadIfAbsent()) {
			log.info("Demo data created: sign in as admin@example.com / adminP@55word");
		}
	}

}
