package io.queuedesk.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import io.queuedesk.system.CliCommand;
import io.queuedesk.system.CommandRunner;

/**
 * {@code generate-data --tickets=N [--seed=S] [--force]}: the load-test data set
 * (docs/RULES.md#scale) scaled to N tickets ({@link GenerationPlan},
 * {@link DataGenerator}). Refused on a database that holds tickets unless
 * {@code --force}; then the data of an earlier run is deleted first and the rest (demo
 * data, real tickets) stays, so a second run replaces the first instead of clashing.
 */
@Component
class GenerateDataCommand implements CliCommand {

	private static final Set<String> OPTIONS = Set.of("tickets", "seed", "force");

	private final DataGenerator generator;

	GenerateDataCommand(DataGenerator generator) {
		this.generator = generator;
	}

	@Override
	public String name() {
		return "generate-data";
	}

	@Override
	public String usage() {
		return "generate-data --tickets=N [--seed=S] [--force]   (load-test data; --force on a database with tickets)";
	}

	@Override
	public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
		GenerationPlan plan;
		try {
			plan = plan(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			err.println("usage: " + usage());
			return CommandRunner.EXIT_USAGE;
		}
		String unsupported = generator.unsupported();
		if (unsupported != null) {
			err.println("error: " + unsupported);
			return CommandRunner.EXIT_FAILURE;
		}
		boolean force = args.containsOption("force");
		long existing = generator.ticketCount();
		if (existing > 0 && !force) {
			err.printf("error: the database already holds %,d tickets. Add --force to generate next to them "
					+ "(the data of an earlier generate-data run is deleted first).%n", existing);
			return CommandRunner.EXIT_USAGE;
		}
		if (generator.hasGeneratedRows() && !force) {
			// An interrupted run can leave users and clients without tickets; their
			// emails would clash.
			err.println("error: the database holds users or clients of an earlier generate-data run. Add --force to "
					+ "delete them first.");
			return CommandRunner.EXIT_USAGE;
		}
		long started = System.nanoTime();
		if (force) {
			generator.deleteGenerated(out);
		}
		out.printf("Generating %,d tickets (%,d queued, %,d at the big client), seed %d ...%n", plan.tickets(),
				plan.queued(), plan.bigClientQueued(), plan.seed());
		DataGenerator.Result result = generator.generate(plan, out);
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		out.printf(
				"Done in %d min %02d s: %,d tickets (%,d completed), %,d users (%d admins, %d developers), %,d clients.%n",
				seconds / 60, seconds % 60, plan.tickets(), plan.completed(), plan.users(), plan.admins(),
				plan.developers(), plan.clients());
		out.printf("Big client: %s%s (id %d), %,d queued tickets.%n", DataGenerator.CLIENT_PREFIX,
				"0".repeat(Math.max(3, String.valueOf(plan.clients()).length()) - 1) + "1", result.firstClientId(),
				plan.bigClientQueued());
		out.println("Sign in as admin1" + DataGenerator.EMAIL_DOMAIN + ", developer1" + DataGenerator.EMAIL_DOMAIN
				+ " or user1" + DataGenerator.EMAIL_DOMAIN + " with password " + DataGenerator.PASSWORD);
		out.printf("Search words: frequent '%s' (~1.7 %% of titles), rare '%s' (%d tickets).%n", LoadText.FREQUENT,
				LoadText.RARE, plan.rareTickets());
		return 0;
	}

	private static GenerationPlan plan(ApplicationArguments args) {
		for (String name : args.getOptionNames()) {
			// Dotted names are Spring properties (--spring.datasource.url=…), read by the
			// context.
			if (!OPTIONS.contains(name) && !name.contains(".")) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
		}
		if (!args.getNonOptionArgs().isEmpty()) {
			throw new IllegalArgumentException("unexpected argument " + args.getNonOptionArgs().get(0));
		}
		long tickets = number(args, "tickets", null);
		long seed = number(args, "seed", 1L);
		if (seed < 0 || seed > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("--seed must be between 0 and " + Integer.MAX_VALUE);
		}
		return GenerationPlan.of(tickets, seed);
	}

	private static long number(ApplicationArguments args, String name, Long fallback) {
		List<String> values = args.getOptionValues(name);
		if (values == null || values.isEmpty()) {
			if (fallback == null) {
				throw new IllegalArgumentException("--" + name + "=N is required");
			}
			return fallback;
		}
		String value = values.get(values.size() - 1).replace("_", "").replace(",", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
		}
	}

}
