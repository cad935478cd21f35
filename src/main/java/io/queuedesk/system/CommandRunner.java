package io.queuedesk.system;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * Dispatches {@code java -jar queuedesk.jar <command> ...} to the matching
 * {@link CliCommand}.
 */
@Component
public class CommandRunner {

	/**
	 * Set while the application runs as a command, so start-up work (demo data) stays
	 * off.
	 */
	public static final String COMMAND_PROPERTY = "queuedesk.command";

	public static final int EXIT_FAILURE = 1;

	public static final int EXIT_USAGE = 2;

	/**
	 * The command names, known before any context starts, so a typo is answered at once
	 * instead of after connecting to (and migrating) a possibly production database. Each
	 * name has a {@link CliCommand} bean; a test keeps the two in step.
	 */
	public static final Set<String> NAMES = Set.of("create-user", "generate-data", "populate-database",
			"reset-database");

	private final List<CliCommand> commands;

	CommandRunner(List<CliCommand> commands) {
		this.commands = commands;
	}

	/** A first argument that is not an option names a command. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	/**
	 * Usage text for a name that is no command; printed without starting the application.
	 */
	public static String unknown(String name) {
		return "error: unknown command '" + name + "'. Commands: " + String.join(", ", new TreeSet<>(NAMES));
	}

	public int run(String name, String... args) {
		Optional<CliCommand> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
		if (command.isEmpty()) {
			System.err.println("error: unknown command '" + name + "'. Commands:");
			commands.forEach(c -> System.err.println("  " + c.usage()));
			return EXIT_USAGE;
		}
		return command.get().run(new DefaultApplicationArguments(args), System.out, System.err);
	}

}
