package io.queuedesk.user;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import io.queuedesk.activity.Actor;
import io.queuedesk.system.CliCommand;
import io.queuedesk.system.CommandRunner;

/** {@code create-user --email=… --password=… --role=ADMIN[,DEVELOPER] [--name=…]}. */
@Component
class CreateUserCommand implements CliCommand {

	private final UserService users;

	private final Validator validator;

	CreateUserCommand(UserService users, Validator validator) {
		this.users = users;
		this.validator = validator;
	}

	@Override
	public String name() {
		return "create-user";
	}

	@Override
	public String usage() {
		return "create-user --email=EMAIL --password=PASSWORD --role=ADMIN[,DEVELOPER,SUBMITTER] [--name=DISPLAY_NAME]";
	}

	@Override
	public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
		String email = option(args, "email");
		String password = option(args, "password");
		String roleList = option(args, "role");
		if (email == null || password == null || roleList == null) {
			err.println("error: --email, --password and --role are required");
			err.println("usage: " + usage());
			return CommandRunner.EXIT_USAGE;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : roleList.split(",")) {
			Optional<Role> role = RoleNames.parse(name);
			if (role.isEmpty()) {
				err.println("error: unknown role '" + name.strip() + "'; roles are " + Arrays.toString(Role.values()));
				return CommandRunner.EXIT_USAGE;
			}
			roles.add(role.get());
		}
		String displayName = option(args, "name");
		if (displayName == null) {
			displayName = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
		}
		NewUser newUser = new NewUser(email, displayName, password, roles);
		List<String> problems = validator.validate(newUser).stream().map(CreateUserCommand::describe).sorted().toList();
		if (!problems.isEmpty()) {
			problems.forEach(problem -> err.println("error: " + problem));
			return CommandRunner.EXIT_USAGE;
		}
		try {
			User user = users.createAccount(newUser, Actor.SYSTEM);
			out.println("Created user " + user.getEmail() + " (id " + user.getId() + ") with roles " + user.getRoles());
			return 0;
		}
		catch (DuplicateEmailException ex) {
			err.println("error: " + ex.getMessage());
			return CommandRunner.EXIT_FAILURE;
		}
	}

	private static String describe(ConstraintViolation<NewUser> violation) {
		return violation.getPropertyPath() + " " + violation.getMessage();
	}

	private static String option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
	}

}
