package io.queuedesk.demo;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import io.queuedesk.system.CliCommand;

/** {@code populate-database}: adds the demo data (once; a second run changes nothing). */
@Component
class PopulateDatabaseCommand implements CliCommand {

	private final DemoData demoData;

	PopulateDatabaseCommand(DemoData demoData) {
		this.demoData = demoData;
	}

	@Override
	public String name() {
		return "populate-database";
	}

	@Override
	public String usage() {
		return "populate-database";
	}

	@Override
	public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
		out.println(demoData.loadIfAbsent() ? "Demo data created." : "Demo data is already present; nothing changed.");
		return 0;
	}

}
