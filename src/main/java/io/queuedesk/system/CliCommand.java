package io.queuedesk.system;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;

/**
 * A command of the jar ({@code java -jar queuedesk.jar NAME --option=value}). Features
 * contribute commands as beans; {@link CommandRunner} picks one by name.
 */
public interface CliCommand {

	String name();

	/** One line shown in the usage text. */
	String usage();

	/** Runs the command; returns the exit code (0 = success). */
	int run(ApplicationArguments args, PrintStream out, PrintStream err);

}
