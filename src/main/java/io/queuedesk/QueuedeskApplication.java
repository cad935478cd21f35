package io.queuedesk;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.queuedesk.system.CommandRunner;

/**
 * Starts the web application, or — when the first argument names a command such as
 * {@code create-user} — runs that command without a web server and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueuedeskApplication {

	static final String STATEMENT_TIMEOUT = "queuedesk.db.statement-timeout-ms";

	static final String SOCKET_TIMEOUT = "spring.datasource.hikari.data-source-properties.socketTimeout";

	/**
	 * What a command changes of the web application's settings. Commands run long
	 * set-based statements on purpose (demo data, resets, generate-data's index builds at
	 * a million tickets): no statement timeout, and no driver socket timeout either (the
	 * web application's 45 s cut a GIN index build on a loaded machine: a broken
	 * connection, and generate-data failed at the end of its load).
	 */
	static final Map<String, Object> COMMAND_SETTINGS = Map.of(STATEMENT_TIMEOUT, "0", SOCKET_TIMEOUT, "0");

	/**
	 * Puts {@link #COMMAND_SETTINGS} above every other property source, so the web
	 * application's settings (and the environment's) do not apply to a command.
	 */
	static void applyCommandSettings(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("queuedeskCommand", COMMAND_SETTINGS));
	}

	public static void main(String[] args) {
		if (CommandRunner.isCommand(args)) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(QueuedeskApplication.class, args);
	}

	/**
	 * Runs one command in a context without web server; returns the process exit code.
	 */
	public static int runCommand(String... args) {
		if (!CommandRunner.NAMES.contains(args[0])) {
			System.err.println(CommandRunner.unknown(args[0]));
			return CommandRunner.EXIT_USAGE;
		}
		SpringApplication app = new SpringApplication(QueuedeskApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setDefaultProperties(Map.of(CommandRunner.COMMAND_PROPERTY, args[0], "spring.main.banner-mode", "off",
				"logging.level.root", "WARN"));
		app.addInitializers(QueuedeskApplication::applyCommandSettings);
		String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
		try (ConfigurableApplicationContext context = app.run(springArgs)) {
			return context.getBean(CommandRunner.class).run(args[0], springArgs);
		}
		catch (RuntimeException failure) {
			// Boot has logged the cause already (no database, bad settings); say it
			// plainly too.
			System.err.println("error: " + args[0] + " failed: " + failure.getMessage());
			return CommandRunner.EXIT_FAILURE;
		}
	}

}
